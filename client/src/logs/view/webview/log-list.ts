// The virtual list: a scroller as tall as every row the filter lets through, and in it only the
// rows in and near the viewport. Redraws are coalesced to one per animation frame; a list scrolled
// to its end stays at its end as rows come (following), one scrolled up stays where it is.
import { visibleRows, type LogViewModel } from '../log-view-model';
import { fill, h } from './dom';
import { entryRow, type RowContext } from './log-row';

export class LogList {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly rows: HTMLElement;
  private readonly empty: HTMLElement;
  private rowHeight = 18;
  private frame: number | undefined;
  private stick = true;
  private flashPosition: number | undefined;
  emptyText = '';

  constructor(
    private readonly modelOf: () => LogViewModel,
    private readonly context: () => RowContext,
  ) {
    this.spacer = h('div', { className: 'spacer' });
    this.rows = h('div', { className: 'rows', attrs: { role: 'list' } });
    this.empty = h('div', { className: 'empty' });
    this.element = h('div', { className: 'list', attrs: { tabindex: '0' } }, this.spacer, this.rows, this.empty);
    this.element.addEventListener('scroll', () => {
      this.stick = this.atBottom();
      this.schedule();
    });
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  private get model(): LogViewModel {
    return this.modelOf();
  }

  /** Measures a row once the list is in the page (the editor's font decides its height). */
  measure(): void {
    const probe = entryRow({ seq: 0, kind: 'line', text: 'X' }, { ...this.context(), timestamps: false });
    this.rows.append(probe);
    this.rowHeight = probe.getBoundingClientRect().height || this.rowHeight;
    probe.remove();
  }

  private get markerRows(): number {
    return this.model.buffer.dropped > 0 ? 1 : 0;
  }

  get displayRows(): number {
    return this.model.rowCount + this.markerRows;
  }

  private atBottom(): boolean {
    const { scrollTop, clientHeight, scrollHeight } = this.element;
    return scrollTop + clientHeight >= scrollHeight - this.rowHeight;
  }

  /** Rows were added or removed at the top: keep the same rows in view unless following the end. */
  rowsChanged(removedAtTop: number): void {
    if (!this.stick && removedAtTop) this.element.scrollTop = Math.max(0, this.element.scrollTop - removedAtTop * this.rowHeight);
    this.schedule();
  }

  /** Everything changed (filter, reset, timestamps): redraw, at the end if following. */
  reset(toEnd = this.stick): void {
    this.stick = toEnd;
    this.schedule();
  }

  schedule(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      this.draw();
    });
  }

  /** Draws now (tests and snapshots read the DOM right after). */
  draw(): void {
    const total = this.displayRows;
    this.spacer.style.height = `${total * this.rowHeight}px`;
    // The rows drawn last must not hold the scroll height up while the list shrinks (a filter).
    fill(this.rows);
    this.rows.style.transform = 'translateY(0)';
    if (this.stick) this.element.scrollTop = this.element.scrollHeight;
    const { first, last } = visibleRows(this.element.scrollTop, this.element.clientHeight, this.rowHeight, total);
    const context = this.context();
    const drawn: HTMLElement[] = [];
    for (let row = first; row < last; row++) {
      const marker = row < this.markerRows ? this.model.buffer.marker() : undefined;
      if (marker) {
        drawn.push(entryRow(marker, context, 'marker'));
        continue;
      }
      const position = this.model.positionAt(row - this.markerRows);
      const entry = position === undefined ? undefined : this.model.buffer.at(position);
      if (!entry) continue;
      const element = entryRow(entry, context);
      if (position === this.flashPosition) element.classList.add('flash');
      drawn.push(element);
    }
    this.rows.style.transform = `translateY(${first * this.rowHeight}px)`;
    this.rows.style.setProperty('--tag-width', `${Math.max(6, this.model.widest)}ch`);
    fill(this.rows, ...drawn);
    this.empty.textContent = total ? '' : this.emptyText;
    this.empty.hidden = total > 0 || !this.emptyText;
  }

  /** Scrolls a buffer position into the middle of the view and marks it for a moment. */
  reveal(position: number): boolean {
    const row = this.model.rowOf(position);
    if (row === undefined) return false;
    this.stick = false;
    this.flashPosition = position;
    const top = (row + this.markerRows) * this.rowHeight;
    this.element.scrollTop = Math.max(0, top - this.element.clientHeight / 2);
    this.draw();
    setTimeout(() => {
      if (this.flashPosition === position) this.flashPosition = undefined;
      this.schedule();
    }, 2000);
    return true;
  }

  /** The rows in the DOM now (those matching `selector`, if given), as their text (an empty tag column trimmed). */
  drawnTexts(selector = '*'): string[] {
    return [...this.rows.children].filter((row) => row.matches(selector)).map((row) => (row.textContent ?? '').trim());
  }
}
