/**
 * Files the elements offer as downloads (an <a download> clicked from script), caught before
 * the browser saves them, so a test can say which file the owner was given.
 */
const offered: { readonly fileName: string; readonly href: string }[] = [];
const realClick = HTMLAnchorElement.prototype.click;

HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
  if (this.download) { offered.push({ fileName: this.download, href: this.href }); return; }
  realClick.call(this);
};

/** The names of the files offered since the test began, in order. */
export const offeredDownloads = (): string[] => offered.map((file) => file.fileName);

export const forgetDownloads = (): void => { offered.length = 0; };
