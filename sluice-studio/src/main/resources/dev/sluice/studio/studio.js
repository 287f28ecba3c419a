// Sluice studio: the page. Vanilla JS, no build. Every value is shown with textContent (never as HTML).
(() => {
  'use strict';
  const token = document.querySelector('meta[name="sluice-token"]').content;
  const pageWritable = document.body.dataset.writable === 'true';
  const $ = (sel) => document.querySelector(sel);
  const NUMERIC = new Set(['SMALLINT', 'INTEGER', 'SERIAL', 'BIGINT', 'BIGSERIAL', 'DECIMAL', 'REAL', 'DOUBLE']);
  const state = { tables: [], table: null, page: 0, size: 20, sort: null, dir: 'asc', filters: {}, total: 0, rows: [], loads: 0 };

  function status(text, error) {
    const s = $('#status');
    s.textContent = text || '';
    s.className = error ? 'error' : '';
  }

  async function call(method, url, body) {
    const init = { method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-Sluice-Studio-Token'] = token;
      init.body = JSON.stringify(body);
    }
    const res = await fetch(url, init);
    const data = await res.json().catch(() => ({ error: res.statusText }));
    if (!res.ok) {
      throw new Error(data.error || ('HTTP ' + res.status));
    }
    return data;
  }

  function text(value) {
    return value === null || value === undefined ? '' : String(value);
  }

  async function loadTables() {
    const data = await call('GET', '/api/tables');
    state.tables = data.tables;
    const mode = $('#mode');
    mode.textContent = data.writable ? 'editing enabled' : 'read-only';
    mode.className = 'badge ' + (data.writable ? 'writable' : 'read-only');
    $('#dialect').textContent = data.dialect;
    state.writable = data.writable && pageWritable;
    const list = $('#tables');
    list.replaceChildren(...data.tables.map((t) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = t.name;
      b.dataset.table = t.name;
      b.addEventListener('click', () => openTable(t.name));
      li.appendChild(b);
      return li;
    }));
  }

  function openTable(name) {
    state.table = state.tables.find((t) => t.name === name);
    state.page = 0;
    state.sort = null;
    state.dir = 'asc';
    state.filters = {};
    document.querySelectorAll('#tables button').forEach((b) => b.classList.toggle('active', b.dataset.table === name));
    $('#title').textContent = name;
    status('');
    renderHead();
    loadRows();
  }

  function renderHead() {
    const t = state.table;
    const names = $('#grid tr.names');
    const filters = $('#grid tr.filters');
    names.replaceChildren();
    filters.replaceChildren();
    for (const c of t.columns) {
      const th = document.createElement('th');
      th.dataset.column = c.name;
      th.title = c.kind + (c.nullable ? '' : ' NOT NULL') + (c.primaryKey ? ' PRIMARY KEY' : '') + ' — click to sort';
      th.append(c.name);
      if (c.primaryKey) {
        const pk = document.createElement('span');
        pk.className = 'pk';
        pk.textContent = 'key';
        th.appendChild(pk);
      }
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = c.kind.toLowerCase();
      th.appendChild(kind);
      th.addEventListener('click', () => sortBy(c.name));
      names.appendChild(th);
      const fh = document.createElement('th');
      const input = document.createElement('input');
      input.className = 'filter';
      input.dataset.column = c.name;
      input.placeholder = c.filter === 'contains' ? 'contains…' : c.filter === 'equals' ? '= …' : '';
      input.disabled = !c.filter;
      input.addEventListener('change', () => applyFilter(c.name, input.value));
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { applyFilter(c.name, input.value); } });
      fh.appendChild(input);
      filters.appendChild(fh);
    }
    if (state.writable) {
      const th = document.createElement('th');
      th.textContent = '';
      names.appendChild(th);
      filters.appendChild(document.createElement('th'));
    }
  }

  function sortBy(name) {
    if (state.sort === name) {
      state.dir = state.dir === 'asc' ? 'desc' : 'asc';
    } else {
      state.sort = name;
      state.dir = 'asc';
    }
    state.page = 0;
    loadRows();
  }

  function applyFilter(name, value) {
    if ((state.filters[name] || '') === value) {
      return;
    }
    if (value === '') {
      delete state.filters[name];
    } else {
      state.filters[name] = value;
    }
    state.page = 0;
    loadRows();
  }

  async function loadRows() {
    const t = state.table;
    const q = new URLSearchParams({ page: state.page, size: state.size, dir: state.dir });
    if (state.sort) {
      q.set('sort', state.sort);
    }
    for (const [k, v] of Object.entries(state.filters)) {
      q.set('f.' + k, v);
    }
    document.body.dataset.state = 'loading';
    try {
      const data = await call('GET', '/api/tables/' + encodeURIComponent(t.name) + '/rows?' + q);
      if (state.table !== t) {
        return;
      }
      state.total = data.total;
      state.rows = data.rows;
      renderRows();
    } catch (e) {
      status(e.message, true);
    } finally {
      state.loads++;
      document.body.dataset.loads = String(state.loads);
      document.body.dataset.state = 'ready';
    }
  }

  function renderRows() {
    document.querySelectorAll('#grid tr.names th[data-column]').forEach((th) => {
      const sorted = th.dataset.column === state.sort;
      th.classList.toggle('sorted', sorted);
      th.dataset.dir = sorted ? state.dir : '';
      th.firstChild.textContent = th.dataset.column + (sorted ? (state.dir === 'asc' ? ' ▲' : ' ▼') : '');
    });
    $('#grid tbody').replaceChildren(...state.rows.map((row, i) => rowElement(row, i)));
    const pages = Math.max(1, Math.ceil(state.total / state.size));
    $('#pager').hidden = false;
    $('#pageinfo').textContent = 'Page ' + (state.page + 1) + ' of ' + pages + ' · ' + state.total + ' rows';
    $('#prev').disabled = state.page === 0;
    $('#next').disabled = state.page + 1 >= pages;
  }

  function rowElement(row, index) {
    const tr = document.createElement('tr');
    tr.dataset.index = String(index);
    for (const c of state.table.columns) {
      const td = document.createElement('td');
      td.dataset.column = c.name;
      fillCell(td, row[c.name], c);
      tr.appendChild(td);
    }
    if (state.writable && state.table.primaryKey.length > 0) {
      const td = document.createElement('td');
      td.className = 'actions';
      const edit = button('Edit', 'edit', () => startEdit(tr, row));
      td.appendChild(edit);
      tr.appendChild(td);
    }
    return tr;
  }

  function fillCell(td, value, column) {
    td.replaceChildren();
    td.className = NUMERIC.has(column.kind) ? 'num' : '';
    if (value === null || value === undefined) {
      const n = document.createElement('span');
      n.className = 'null';
      n.textContent = 'NULL';
      td.appendChild(n);
    } else {
      td.textContent = text(value);
      td.title = text(value);
    }
  }

  function button(label, cls, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.className = cls;
    b.addEventListener('click', onClick);
    return b;
  }

  function startEdit(tr, row) {
    for (const c of state.table.columns) {
      if (!c.editable) {
        continue;
      }
      const td = tr.querySelector('td[data-column="' + CSS.escape(c.name) + '"]');
      const input = document.createElement('input');
      input.className = 'cell';
      input.dataset.column = c.name;
      input.value = text(row[c.name]);
      input.placeholder = c.nullable ? 'NULL' : '';
      td.replaceChildren(input);
    }
    const actions = tr.querySelector('td.actions');
    actions.replaceChildren(button('Save', 'save', () => save(tr, row)), button('Cancel', 'cancel', () => tr.replaceWith(rowElement(row, Number(tr.dataset.index)))));
  }

  async function save(tr, row) {
    const values = {};
    for (const input of tr.querySelectorAll('input.cell')) {
      const c = state.table.columns.find((x) => x.name === input.dataset.column);
      if (input.value === text(row[c.name])) {
        continue;
      }
      values[c.name] = input.value === '' && c.nullable ? null : input.value;
    }
    if (Object.keys(values).length === 0) {
      tr.replaceWith(rowElement(row, Number(tr.dataset.index)));
      return;
    }
    const key = {};
    for (const k of state.table.primaryKey) {
      key[k] = row[k];
    }
    try {
      const data = await call('PUT', '/api/tables/' + encodeURIComponent(state.table.name) + '/rows', { key, old: row, values });
      const index = Number(tr.dataset.index);
      state.rows[index] = data.row;
      tr.replaceWith(rowElement(data.row, index));
      status('Saved ' + state.table.primaryKey.map((k) => k + ' = ' + text(data.row[k])).join(', '));
    } catch (e) {
      status(e.message, true);
    }
  }

  $('#prev').addEventListener('click', () => { if (state.page > 0) { state.page--; loadRows(); } });
  $('#next').addEventListener('click', () => { state.page++; loadRows(); });
  $('#size').addEventListener('change', (e) => { state.size = Number(e.target.value); state.page = 0; loadRows(); });

  loadTables().then(() => { document.body.dataset.state = 'ready'; }).catch((e) => status(e.message, true));
})();
