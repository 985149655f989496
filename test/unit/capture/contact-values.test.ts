import { describe, expect, it } from 'vitest';
import { emailFrom, emailsFromMailto, phoneFrom, webUrlFrom } from '../../../core/capture/contact-values';
import { personSchema } from '../../../core/records/schema';
import * as v from 'valibot';

describe('reading mailto: links', () => {
  it('takes the address before the query and ignores the subject', () => {
    expect(emailsFromMailto('mailto:a@b.co?subject=Hello%20there&body=x')).toEqual(['a@b.co']);
  });

  it('takes every recipient, including to= in the query, but no copies', () => {
    expect(emailsFromMailto('mailto:a@b.co,%20c@d.co?to=e@f.co&cc=g@h.co&bcc=i@j.co'))
      .toEqual(['a@b.co', 'c@d.co', 'e@f.co']);
  });

  it('lower-cases the domain only and refuses what is not an address', () => {
    expect(emailFrom(' MAILTO:Jo.Smith@Example.COM ')).toBe('Jo.Smith@example.com');
    expect(emailsFromMailto('mailto:')).toEqual([]);
    expect(emailsFromMailto('mailto:"><script>@x.co')).toEqual([]);
    expect(emailFrom('not an address')).toBe('');
  });
});

describe('reading phone numbers', () => {
  it.each([
    ['tel:+1-201-555-0123', '+12015550123'],
    ['tel:+44%20(0)20%207946%200000', '+442079460000'],
    ['tel:+1 201 555 0123;ext=42', '+12015550123 ext 42'],
    ['tel:0161.496.0000;phone-context=example.com', '01614960000'],
    ['Phone: (030) 901820', '030901820'],
    ['+49 30 1234567 x 89', '+49301234567 ext 89'],
  ])('%s → %s', (input, expected) => {
    expect(phoneFrom(input)).toBe(expected);
  });

  it.each(['tel:', 'tel:123', 'call us', 'tel:javascript:alert(1)', `tel:${'9'.repeat(25)}`])('refuses %s', (input) => {
    expect(phoneFrom(input)).toBe('');
  });
});

describe('reading web addresses', () => {
  it('resolves relative addresses and drops credentials', () => {
    expect(webUrlFrom('../team/', 'https://a.example/x/y/')).toBe('https://a.example/x/team/');
    expect(webUrlFrom('https://user:secret@a.example/', '')).toBe('https://a.example/');
  });

  it.each(['javascript:alert(1)', ' java\nscript:alert(1)', 'data:text/html,x', 'ftp://a.example/', 'relative/only'])(
    'refuses %s without an http(s) base', (input) => {
      expect(webUrlFrom(input, '')).toBe('');
    },
  );
});

describe('what the extractor yields passes the record schema', () => {
  it('accepts captured emails, phones and web addresses as person fields', () => {
    const fields = {
      firstName: 'Jo',
      emails: emailsFromMailto('mailto:Jo.Smith@Example.COM?subject=x'),
      phones: [phoneFrom('tel:+44 (0)20 7946-0000;ext=12')],
      websites: [webUrlFrom('/me', 'https://jo.example/')],
    };
    expect(v.safeParse(personSchema, fields).success).toBe(true);
  });
});
