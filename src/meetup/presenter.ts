// <ebc-presenter>: groups a lesson's content into slides at each h2 and moves through them by keyboard.
class Presenter extends HTMLElement {
  private slides: HTMLElement[] = [];
  private index = 0;

  connectedCallback() {
    const body = this.querySelector<HTMLElement>('.present-body')!;
    // Starlight wraps each heading in a div: a slide starts at each h2 (or its wrapper).
    const starts = (n: Element) => n.tagName === 'H2' || (n.classList.contains('sl-heading-wrapper') && n.querySelector('h2') !== null);
    let current = document.createElement('section');
    for (const node of [...body.children]) {
      if (starts(node) && current.childElementCount) {
        this.slides.push(current);
        current = document.createElement('section');
      }
      current.append(node);
    }
    this.slides.push(current);
    for (const s of this.slides) s.dataset.slide = '';
    body.replaceChildren(...this.slides);
    const start = Number(new URLSearchParams(location.search).get('slide') ?? '1');
    this.show(location.hash === '#last' ? this.slides.length - 1 : Math.max(0, Math.min(this.slides.length - 1, start - 1)));
    document.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (['ArrowRight', 'PageDown', ' '].includes(e.key)) this.move(1, e);
      else if (['ArrowLeft', 'PageUp'].includes(e.key)) this.move(-1, e);
      else if (e.key === 'n' || e.key === 'N') this.querySelector<HTMLElement>('.present-notes')!.toggleAttribute('hidden');
    });
  }

  private move(step: number, e: KeyboardEvent) {
    e.preventDefault();
    const to = this.index + step;
    if (to >= this.slides.length) {
      if (this.dataset.next) location.href = this.dataset.next;
    } else if (to < 0) {
      if (this.dataset.prev) location.href = `${this.dataset.prev}#last`;
    } else this.show(to);
  }

  private show(i: number) {
    this.index = i;
    this.slides.forEach((s, j) => (s.hidden = j !== i));
    this.querySelector('[data-position]')!.textContent = `slide ${i + 1} of ${this.slides.length}`;
    this.querySelector('h1')!.hidden = i !== 0;
  }
}

customElements.define('ebc-presenter', Presenter);
