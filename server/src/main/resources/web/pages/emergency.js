import { api, can, el, me, notify, onEvent, t, translate, when } from '/web/app.js';

// The emergency screen: deliberately unlike the others. TEST and LIVE look and read differently and
// are separate buttons; LIVE asks twice; a second officer confirms; CANCEL is the biggest thing here.
export default async function emergency(view) {
  view.classList.add('emergency');
  if (!can('emergency')) {
    view.append(el('h1', { 'data-i18n': 'emergency.title' }), el('p', { 'data-i18n': 'emergency.noRights' }));
    return;
  }
  const [areas, media] = await Promise.all([api('GET', '/api/areas'), api('GET', '/api/media')]);
  const all = [];
  const walk = list => list.forEach(a => { all.push(a); walk(a.children || []); });
  walk(areas.body);
  const files = media.body.filter(m => m.accepted);
  const title = el('input', { id: 'a-title', 'data-i18n-placeholder': 'emergency.alertTitle' });
  const message = el('textarea', { id: 'a-message', rows: 3, 'data-i18n-placeholder': 'emergency.message' });
  const audio = el('select', { id: 'a-media' }, el('option', { value: '', 'data-i18n': 'emergency.toneOnly' }), ...files.map(f => el('option', { value: f.path }, f.path)));
  const tone = el('input', { id: 'a-tone', type: 'checkbox', checked: true });
  const targets = el('select', { id: 'a-targets', multiple: true }, ...all.map(a => el('option', { value: a.id }, a.name)));
  const repeat = el('input', { id: 'a-repeat', type: 'number', min: 1, max: 10, value: 3 });
  const minutes = el('input', { id: 'a-minutes', type: 'number', min: 1, max: 1440, value: 60 });
  const correction = el('select', { id: 'a-correction' }, el('option', { value: '', 'data-i18n': 'emergency.noCorrection' }), ...files.map(f => el('option', { value: f.path }, f.path)));
  const current = el('div', { id: 'alert-current' });
  const mapBox = el('div', { id: 'alert-map' });
  const list = el('div', { id: 'alerts' });
  view.append(el('h1', { class: 'emergency-title', 'data-i18n': 'emergency.title' }),
    el('section', { class: 'card draft' }, el('h2', { 'data-i18n': 'emergency.draft' }),
      el('div', { class: 'form' }, el('label', { 'data-i18n': 'emergency.alertTitle' }), title,
        el('label', { 'data-i18n': 'emergency.message' }), message, el('label', { 'data-i18n': 'emergency.audio' }), audio,
        el('label', { 'data-i18n': 'emergency.tone' }), tone, el('label', { 'data-i18n': 'emergency.targets' }), targets,
        el('label', { 'data-i18n': 'emergency.repeat' }), repeat, el('label', { 'data-i18n': 'emergency.expires' }), minutes,
        el('label', { 'data-i18n': 'emergency.correction' }), correction),
      el('button', { type: 'button', id: 'a-draft', onclick: async () => {
        const r = await api('POST', '/api/alerts', { title: title.value, message: message.value || null,
          media: audio.value ? [audio.value] : null, attentionTone: tone.checked, repeat: Number(repeat.value),
          targets: { areas: [...targets.selectedOptions].map(o => o.value) },
          expiresAt: new Date(Date.now() + Number(minutes.value) * 60000).toISOString(),
          correction: correction.value ? [correction.value] : null });
        if (r.status === 201) { await show(r.body.id); refresh(); } else notify(r.body.error, 'error');
      }, 'data-i18n': 'emergency.makeDraft' })),
    current, mapBox, el('h2', { 'data-i18n': 'emergency.all' }), list);

  let map = null;
  const show = async id => {
    const a = (await api('GET', '/api/alerts/' + id)).body;
    const preview = a.state === 'DRAFT' || a.state === 'AWAITING_CONFIRMATION' ? (await api('GET', `/api/alerts/${id}/preview`)).body : null;
    const step = async (path, body, confirmKey) => {
      if (confirmKey && !confirm(t(confirmKey))) return;
      const r = await api('POST', `/api/alerts/${id}/${path}`, body);
      notify(r.status < 300 ? t('emergency.done.' + path) : r.body.error, r.status < 300 ? 'info' : 'error');
      await show(id);
      refresh();
    };
    const mine = a.requestedBy === me().name;
    current.replaceChildren(el('section', { class: 'card alert state-' + a.state, dataset: { id: a.id, state: a.state } },
      el('h2', {}, a.title, ' ', el('span', { class: 'badge', id: 'alert-state' }, t('alertState.' + a.state))),
      el('p', {}, a.message || ''), el('p', { class: 'muted' }, t('emergency.expiresAt', { at: when(a.expiresAt) })),
      preview ? el('p', { id: 'alert-preview' }, t('emergency.preview', { stations: preview.stations, online: preview.online,
        communes: preview.communes.join(', '), tests: preview.testStations.join(', ') || '–' })) : '',
      a.state === 'DRAFT' ? el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'a-test', class: 'test', onclick: () => step('test', undefined), 'data-i18n': 'emergency.test' }),
        el('button', { type: 'button', id: 'a-live', class: 'live', onclick: () => step('live', undefined, 'emergency.confirmLive'), 'data-i18n': 'emergency.live' })) : '',
      a.state === 'AWAITING_CONFIRMATION' ? el('div', { class: 'actions' },
        el('p', {}, t('emergency.waiting', { who: a.requestedBy })),
        mine ? el('p', { class: 'muted', 'data-i18n': 'emergency.notYou' })
          : el('button', { type: 'button', id: 'a-confirm', class: 'live', onclick: () => step('confirm', undefined, 'emergency.confirmLive'), 'data-i18n': 'emergency.confirm' })) : '',
      ['DRAFT', 'AWAITING_CONFIRMATION', 'ACTIVE'].includes(a.state) ? el('div', { class: 'actions' },
        el('label', {}, el('input', { type: 'checkbox', id: 'a-air-correction', disabled: !a.content.correction.length }), ' ', t('emergency.airCorrection')),
        el('button', { type: 'button', id: 'a-cancel', class: 'cancel', onclick: () => step('cancel',
          { airCorrection: document.getElementById('a-air-correction').checked }), 'data-i18n': 'emergency.cancel' })) : ''));
    translate(current);
    if (preview) drawMap(preview.stationIds);
  };
  const drawMap = async ids => {
    const stations = (await api('GET', '/api/stations')).body.filter(s => ids.includes(s.id) && s.lat);
    if (!map) {
      map = L.map(mapBox, { attributionControl: false });
      L.tileLayer('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 18 }).addTo(map);
      map.layer = L.layerGroup().addTo(map);
    }
    map.layer.clearLayers();
    stations.forEach(s => L.circleMarker([s.lat, s.lon], { radius: 8, color: s.online ? '#c62828' : '#757575', fillOpacity: 0.8 })
      .bindTooltip(s.name).addTo(map.layer));
    if (stations.length) map.fitBounds(stations.map(s => [s.lat, s.lon]), { padding: [20, 20] });
  };
  const refresh = async () => {
    const alerts = (await api('GET', '/api/alerts')).body;
    list.replaceChildren(el('table', { class: 'list' }, ...alerts.map(a => el('tr', { class: 'state-' + a.state, dataset: { id: a.id } },
      el('td', {}, el('a', { href: '#', onclick: e => { e.preventDefault(); show(a.id); } }, a.title)),
      el('td', {}, t('alertState.' + a.state)), el('td', {}, a.createdBy), el('td', {}, when(a.createdAt))))));
  };
  await refresh();
  onEvent(e => { if (e.type === 'alert') refresh(); });
}
