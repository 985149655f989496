/** The longest a page that paints no frames (hidden, in the background) waits for one. */
const NO_FRAME_MS = 100;

/**
 * Resolves in the next animation frame, so that what the caller does next (drawing rows)
 * runs in that frame's task instead of the task that read and decrypted them: two tasks
 * under 50 ms each rather than one over it. A page that paints no frames goes on after
 * NO_FRAME_MS.
 */
export const nextFrame = (): Promise<void> => new Promise((resolve) => {
  const timer = setTimeout(resolve, NO_FRAME_MS);
  requestAnimationFrame(() => {
    clearTimeout(timer);
    resolve();
  });
});
