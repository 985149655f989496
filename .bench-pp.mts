const t0 = performance.now();
const { checkPassword } = await import('./core/security/password-policy');
const t1 = performance.now();
const ctx = { name: 'Maria Schmidt', email: 'maria.schmidt@example.com' };
checkPassword('warmup', ctx);
const t2 = performance.now();
console.log('import ms', (t1 - t0).toFixed(0), 'first check (builds dictionaries) ms', (t2 - t1).toFixed(0));
const median = (pw: string, n = 200) => {
  const times: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); checkPassword(pw.slice(0, pw.length - (i % 3)) , ctx); times.push(performance.now() - s); }
  times.sort((a, b) => a - b); return times[n >> 1]!.toFixed(2) + ' ms (p95 ' + times[Math.floor(n * 0.95)]!.toFixed(2) + ')';
};
console.log('12 chars', median('Tr0ub4dor&3x'));
console.log('12 chars words', median('lampviolin42'));
console.log('64 chars', median('correct horse battery staple lamp violin quartz zebra orange 123'));
console.log('64 chars l33t-heavy', median('p@55w0rd!1$3@4|7p@55w0rd!1$3@4|7p@55w0rd!1$3@4|7p@55w0rd!1$3@4|7'));
console.log('100 chars', median('correct horse battery staple lamp violin quartz zebra orange 123 correct horse battery staple lamp vi'));
console.log('10000 chars', median('abcdefghijklmnopqrstuvwxyz'.repeat(400), 20));
