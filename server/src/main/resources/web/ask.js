import { el, t } from '/web/app.js';

/**
 * Asks once, in the console's language, in a modal dialog (the browser's own confirm() labels its
 * buttons in the browser's language). Resolves to true when the person says yes.
 */
export function ask(question, yesKey) {
  return new Promise(resolve => {
    const yes = el('button', { type: 'button', id: 'ask-yes', class: 'live' }, t(yesKey));
    const no = el('button', { type: 'button', id: 'ask-no' }, t('emergency.ask.no'));
    const box = el('dialog', { id: 'ask', 'aria-labelledby': 'ask-text' },
      el('p', { id: 'ask-text' }, question), el('div', { class: 'actions' }, yes, no));
    const done = answer => { box.close(); box.remove(); resolve(answer); };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    box.addEventListener('cancel', e => { e.preventDefault(); done(false); });
    document.body.append(box);
    box.showModal();
    no.focus(); // the safe answer has the focus: a stray Enter does nothing irreversible
  });
}

/** "17:45" for an instant, as Vietnamese write times (24 h). */
export function clock(iso) {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Whole minutes from now until an instant, never below zero. */
export function minutesLeft(iso) {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - Date.now()) / 60000));
}
