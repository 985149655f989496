export default defineBackground(() => {
  // Wired in later: message router, alarms, lock timer.
});
