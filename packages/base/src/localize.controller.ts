import { formatter, type Formatter } from '@helsekit/core';
import { MessagesController } from './messages.controller.js';

/** A `MessagesController` that also formats dates, numbers and lists, with the nn→nb and se→nb fallbacks. */
export class LocalizeController<M> extends MessagesController<M> {
  /**
   * Makes the date and number formatters in idle time: the first `Intl` object on a page loads the locale data
   * (about 30 ms on a laptop), which would otherwise land on the first render of data. For elements that show
   * dates as soon as their data arrives (the dashboard, the worklist), while that data is still on its way.
   */
  prewarmFormats(): void {
    const warm = () => {
      this.format.dateTime(0);
      this.format.number(0);
    };
    if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(warm, { timeout: 1000 });
    else setTimeout(warm, 0);
  }

  /** Dates, numbers and lists, with the nn→nb and se→nb fallbacks. */
  get format(): Formatter {
    return formatter(this.locale);
  }
}
