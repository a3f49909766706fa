// The bar above the list when failures were recognised: how many lines matched each kind of
// failure, a jump to the first one the view still holds, and the page of the rule that explains a
// common cause. Hidden while there is none.
import type { FailureCount } from '../failure-summary';
import { fill, h } from './dom';

export class FailureBar {
  readonly element = h('div', { className: 'failures', attrs: { role: 'region', 'aria-label': 'Failures' } });
  private shown = '';

  constructor(private readonly jump: (failure: FailureCount) => void) {
    this.element.hidden = true;
  }

  update(failures: FailureCount[]): void {
    const key = JSON.stringify(failures);
    if (key === this.shown) return;
    this.shown = key;
    this.element.hidden = failures.length === 0;
    const total = failures.reduce((sum, f) => sum + f.count, 0);
    const items = failures.map((failure) => {
      const jump = h('button', {
        className: 'jump',
        text: `${failure.title} × ${failure.count}`,
        title: failure.first === undefined ? 'Its lines were dropped from the view' : 'Jump to the first one',
        attrs: { type: 'button' },
      });
      jump.disabled = failure.first === undefined;
      jump.addEventListener('click', () => this.jump(failure));
      const rule = failure.rule;
      const link =
        rule &&
        h('a', {
          className: 'rule',
          text: rule.id,
          title: `Open the page of ${rule.id}: a common cause`,
          attrs: { href: '#', 'data-rule': rule.id, 'data-page': rule.page, role: 'link' },
        });
      return h('span', { className: 'failure-item' }, jump, link && ' ', link);
    });
    fill(
      this.element,
      h('span', { className: 'failure-count', text: `${total} ${total === 1 ? 'failure' : 'failures'}:` }),
      ...items.flatMap((item) => [' ', item]),
    );
  }

  /** One text per kind of failure, as shown. */
  texts(): string[] {
    return [...this.element.querySelectorAll('.failure-item')].map((item) => (item.textContent ?? '').trim());
  }
}
