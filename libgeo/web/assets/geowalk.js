// The offline web map of a geowalk run. geowalk_data.js (GEOWALK) holds the QGIS catalogue's styles, the layer list
// and the village figures; layer_<name>.js files call geowalkLayer(). Every feature is drawn with the class of the
// QGIS style it matches, so colours are never restated here.
(function () {
  'use strict';
  var D = window.GEOWALK;
  var MM = 96 / 25.4;  // CSS pixels per millimetre: the catalogue's sizes are millimetres on the page
  var WORDS = {
    en: { layers: 'Layers', legend: 'Legend', weeks: 'Issues over the campaign', print: 'Print', other: '中文',
          pick: 'Village…', all_weeks: 'whole campaign', week: 'week of', found: 'found', rectified: 'rectified',
          walks: 'The ten walks', walk: 'walk', km: 'km', covered_km: 'covered km', share: 'covered',
          by_status: 'Issues by status', total: 'issues recorded', dead: 'Dead corners (longest first)',
          none: 'none', close: 'close', area: 'area km²', walked_area: 'walked km²', unit_m: ' m', sites: 'sites', visited: 'visited',
          left_out: 'too large for this page: open geowalk.gpkg in QGIS' },
    zh: { layers: '图层', legend: '图例', weeks: '问题随时间变化', print: '打印', other: 'English',
          pick: '选择村…', all_weeks: '全部时间', week: '周起', found: '发现', rectified: '已整改',
          walks: '十走', walk: '走法', km: '公里', covered_km: '已走公里', share: '覆盖率',
          by_status: '问题状态', total: '问题总数', dead: '死角（按长度）',
          none: '无', close: '关闭', area: '面积 km²', walked_area: '已走 km²', unit_m: ' 米', sites: '处', visited: '处已走到',
          left_out: '要素过多，未放入网页：请在 QGIS 中打开 geowalk.gpkg' }
  };
  var lang = D.lang === 'zh' ? 'zh' : 'en';
  var data = {};      // layer name -> GeoJSON
  var groups = {};    // layer name -> L.LayerGroup on the map
  var weekIndex = -1; // -1: the whole campaign
  var map;
  var renderers = [];  // every layer's canvas, redrawn at once for print

  window.geowalkLayer = function (name, geojson) { data[name] = geojson; };

  function rgba(c) { return 'rgba(' + c.r + ',' + c.g + ',' + c.b + ',' + (c.a / 255) + ')'; }
  function rgb(c) { return 'rgb(' + c.r + ',' + c.g + ',' + c.b + ')'; }
  function t(key) { return WORDS[lang][key]; }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // --- the catalogue's renderer: which classes a feature takes -------------------------------------------------
  function geometryIs(f, kind) {
    var type = f.geometry ? f.geometry.type : '';
    return kind === 'Line' ? type.indexOf('LineString') >= 0 : type.indexOf(kind) >= 0;
  }
  function holds(w, f) {
    if (w.op === 'geometry_is') return geometryIs(f, w.value);
    var v = f.properties[w.field];
    if (w.op === 'equals') return v !== null && v !== undefined && String(v) === w.value;
    if (v === null || v === undefined || v === '') return false;
    if (w.op === 'at_least') return Number(v) >= Number(w.value);
    return Number(v) < Number(w.value);
  }
  function classesOf(renderer, f) {
    var out = [];
    for (var i = 0; i < renderer.classes.length; i++) {
      var c = renderer.classes[i];
      // The empty value of a categorized renderer is QGIS's "all other values" class.
      var other = renderer.kind === 'categorized' && c.when.length === 1 && c.when[0].value === '';
      if (!other && c.when.every(function (w) { return holds(w, f); })) {
        out.push(i);
        if (renderer.kind !== 'rules') return out;
      }
    }
    if (renderer.kind === 'categorized')
      for (var j = 0; j < renderer.classes.length; j++) {
        var w = renderer.classes[j].when;
        if (w.length === 1 && w[0].value === '') return [j];
      }
    return out;
  }

  // --- symbols ---------------------------------------------------------------------------------------------------
  var patterns = {};
  function hatchPattern(h) {
    var key = JSON.stringify(h);
    if (patterns[key]) return patterns[key];
    var n = Math.max(4, Math.round(h.spacing_mm * MM * Math.SQRT2));
    var tile = el('canvas');
    tile.width = tile.height = n;
    var ctx = tile.getContext('2d');
    ctx.strokeStyle = rgba(h.color);
    ctx.lineWidth = Math.max(1, h.width_mm * MM);
    ctx.beginPath();
    // Diagonals at ±45° through the tile and its corners, so the tiles join into unbroken lines.
    for (var k = -1; k <= 1; k++) {
      if (h.angle_deg >= 0) { ctx.moveTo(k * n, n); ctx.lineTo(k * n + n, 0); } else { ctx.moveTo(k * n, 0); ctx.lineTo(k * n + n, n); }
    }
    ctx.stroke();
    patterns[key] = ctx.createPattern(tile, 'repeat');
    return patterns[key];
  }
  function pathStyle(s) {
    if (s.kind === 'line' || s.kind === 'arrow')
      return { stroke: true, color: rgb(s.color), opacity: s.color.a / 255, weight: Math.max(1, s.width_mm * MM),
               dashArray: s.dashed ? '6 4' : null, fill: false, interactive: false };
    if (s.kind === 'hatch')
      return { stroke: false, fill: true, fillColor: hatchPattern(s), fillOpacity: 1, interactive: false };
    if (s.kind === 'fill')
      return { stroke: s.stroke_mm > 0 && s.stroke.a > 0, color: rgb(s.stroke), opacity: s.stroke.a / 255,
               weight: Math.max(0.5, s.stroke_mm * MM), fill: s.fill.a > 0, fillColor: rgb(s.fill),
               fillOpacity: s.fill.a / 255, interactive: false };
    return { stroke: true, color: rgb(s.stroke), opacity: s.stroke.a / 255, weight: Math.max(0.5, s.stroke_mm * MM),
             fill: true, fillColor: rgb(s.fill), fillOpacity: s.fill.a / 255, interactive: false };
  }

  // A marker of the catalogue's shapes (circle, square, triangle, diamond) on the canvas; `angle` turns it.
  var ShapeMarker = L.CircleMarker.extend({
    options: { shape: 'circle', angle: 0 },
    _updatePath: function () { this._renderer._updateShape(this); }
  });
  L.Canvas.include({
    _updateShape: function (layer) {
      if (!this._drawing || layer._empty()) return;
      var p = layer._point, ctx = this._ctx, r = Math.max(Math.round(layer._radius), 1), s = layer.options.shape;
      if (s === 'circle') { this._updateCircle(layer); return; }
      this._layers[layer._leaflet_id] = layer;
      ctx.save();
      ctx.translate(p.x, p.y);
      ctx.rotate(layer.options.angle);
      ctx.beginPath();
      if (s === 'square') ctx.rect(-r, -r, 2 * r, 2 * r);
      else if (s === 'diamond') { ctx.moveTo(0, -r); ctx.lineTo(r, 0); ctx.lineTo(0, r); ctx.lineTo(-r, 0); ctx.closePath(); }
      else { ctx.moveTo(0, -r * 1.2); ctx.lineTo(r, r * 0.8); ctx.lineTo(-r, r * 0.8); ctx.closePath(); }
      ctx.restore();
      this._fillStroke(ctx, layer);
    }
  });
  function marker(s, latlng, pane, renderer, angle) {
    var o = pathStyle(s);
    o.radius = Math.max(2, s.size_mm * MM / 2);
    o.shape = s.shape;
    o.angle = angle || 0;
    o.pane = pane;
    o.renderer = renderer;
    return new ShapeMarker(latlng, o);
  }
  // The arrow's head: a triangle at the line's last vertex, pointing along its last segment.
  function arrowHeads(features, s, pane, renderer) {
    var heads = [];
    features.forEach(function (f) {
      var lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
      lines.forEach(function (c) {
        if (c.length < 2) return;
        var a = c[c.length - 2], b = c[c.length - 1];
        var pa = L.CRS.EPSG3857.project(L.latLng(a[1], a[0])), pb = L.CRS.EPSG3857.project(L.latLng(b[1], b[0]));
        var angle = Math.atan2(-(pb.y - pa.y), pb.x - pa.x) + Math.PI / 2;
        heads.push(marker({ shape: 'triangle', size_mm: s.head_mm, fill: s.color, stroke: s.color, stroke_mm: 0.1 },
                          [b[1], b[0]], pane, renderer, angle));
      });
    });
    return heads;
  }

  // --- layers --------------------------------------------------------------------------------------------------
  function featuresOf(layer) {
    var gj = data[layer.name];
    if (layer.name !== 'issues' || weekIndex < 0) return gj.features;
    // The week slider: issues found by the end of the week, each with its status as of then.
    var end = nextMonday(D.weeks[weekIndex].monday);
    return gj.features.filter(function (f) { var d = localDay(f.properties.found); return d && d < end; })
      .map(function (f) {
        var p = Object.assign({}, f.properties);
        var rectified = localDay(p.rectified), accepted = localDay(p.accepted);
        if (p.status !== 'rebounded') {
          if (accepted && accepted < end) p.status = 'accepted';
          else if (rectified && rectified < end) p.status = 'rectified';
          else p.status = 'found';
        }
        return { type: 'Feature', geometry: f.geometry, properties: p };
      });
  }
  // The register's times are UTC; weeks run in the campaign's local time, whose offset as_of carries ("+08:00").
  var offsetMinutes = (function () {
    var m = /([+-])(\d\d):(\d\d)$/.exec(D.as_of || '');
    return m ? (m[1] === '-' ? -1 : 1) * (60 * Number(m[2]) + Number(m[3])) : 0;
  })();
  function localDay(time) {
    if (!time) return '';
    var ms = Date.parse(time);
    return isNaN(ms) ? time.slice(0, 10) : new Date(ms + offsetMinutes * 60000).toISOString().slice(0, 10);
  }
  function nextMonday(monday) {
    var d = new Date(monday + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 7);
    return d.toISOString().slice(0, 10);
  }
  function buildLayer(layer) {
    var style = layer.style.en;
    var pane = 'pane-' + layer.name;
    var renderer = L.canvas({ pane: pane, padding: 0.1 });
    renderers.push(renderer);
    var group = L.layerGroup();
    var byClass = {};
    featuresOf(layer).forEach(function (f) {
      if (!f.geometry) return;
      classesOf(style.renderer, f).forEach(function (i) { (byClass[i] = byClass[i] || []).push(f); });
    });
    Object.keys(byClass).sort(function (a, b) { return a - b; }).forEach(function (i) {
      var features = byClass[i];
      style.renderer.classes[i].symbol.layers.forEach(function (s) {
        if (s.kind === 'marker') {
          features.forEach(function (f) {
            var pts = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
            pts.forEach(function (c) { group.addLayer(marker(s, [c[1], c[0]], pane, renderer)); });
          });
          return;
        }
        var o = pathStyle(s);
        o.pane = pane;
        o.renderer = renderer;
        group.addLayer(L.geoJSON({ type: 'FeatureCollection', features: features }, { style: function () { return o; } }));
        if (s.kind === 'arrow') arrowHeads(features, s, pane, renderer).forEach(function (h) { group.addLayer(h); });
      });
    });
    addLabels(layer, group);
    return group;
  }
  // Labels are permanent tooltips (DOM text, so the folder's font draws Chinese). Those along lines crowd a
  // town-wide view and are put on the map only from street scale on: each tooltip added costs a layout.
  var zoomLabels = [];  // {group, labels, minZoom}
  function addLabels(layer, group) {
    var labels = layer.style.en.labels;
    if (!labels || data[layer.name].features.length > 600) return;
    var minZoom = labels.placement === 'along_line' ? 15 : 0;
    var target = minZoom ? L.layerGroup() : group;
    data[layer.name].features.forEach(function (f) {
      var v = f.properties[labels.field];
      if (v === null || v === undefined || !f.geometry) return;
      var text = labels.unit ? Math.round(Number(v)) + t('unit_m') : (layer.name === 'hotspot_zones' ? '#' + v : String(v));
      var center = L.geoJSON(f).getBounds().getCenter();
      var span = el('span', { style: 'color:' + rgb(labels.color) + ';font-size:' + labels.size_pt + 'pt;font-weight:' +
                              (labels.bold ? 700 : 400) }, text);
      target.addLayer(L.tooltip({ permanent: true, direction: 'center', className: 'label', pane: 'labels' })
        .setLatLng(center).setContent(span));
    });
    if (minZoom) zoomLabels.push({ group: group, labels: target, minZoom: minZoom });
  }
  function showLabelsForZoom() {
    zoomLabels.forEach(function (z) {
      var want = map.hasLayer(z.group) && map.getZoom() >= z.minZoom;
      if (want && !map.hasLayer(z.labels)) z.labels.addTo(map);
      else if (!want && map.hasLayer(z.labels)) map.removeLayer(z.labels);
    });
  }

  var density;
  // Layers are built when first shown: a hidden Gi* grid of 10,000 cells costs nothing at start.
  function group(name) {
    if (!groups[name] && data[name]) groups[name] = buildLayer(D.layers.filter(function (l) { return l.name === name; })[0]);
    return groups[name];
  }
  function shown(name) { return name === 'density' ? !!density && map.hasLayer(density) : !!groups[name] && map.hasLayer(groups[name]); }
  function toggle(name, on) {
    var target = name === 'density' ? density : group(name);
    if (!target) return;
    if (on) target.addTo(map); else map.removeLayer(target);
    showLabelsForZoom();
    renderLegend();
  }

  // --- side panel ------------------------------------------------------------------------------------------------
  function renderLayerList() {
    var list = document.getElementById('layer-list');
    list.textContent = '';
    var entries = D.layers.slice().reverse().map(function (l) { return { name: l.name, title: l.title }; });
    if (D.density) entries.push({ name: 'density', title: D.density.title });
    entries.forEach(function (e) {
      var li = el('li');
      var box = el('input', { type: 'checkbox', id: 'toggle-' + e.name, 'data-layer': e.name });
      box.checked = shown(e.name);
      box.addEventListener('change', function () { toggle(e.name, box.checked); });
      var label = el('label', { for: 'toggle-' + e.name }, ' ' + e.title[lang]);
      li.appendChild(box);
      li.appendChild(label);
      list.appendChild(li);
    });
    // Layers too large for a page: named, with where to see them.
    (D.left_out || []).forEach(function (l) {
      list.appendChild(el('li', { class: 'left-out', 'data-layer': l.name }, l.title[lang] + ' — ' + t('left_out')));
    });
  }
  function swatch(symbol) {
    var s = el('span', { class: 'swatch' });
    var layers = symbol.layers;
    var fillLayer = layers.filter(function (l) { return l.kind === 'fill' || l.kind === 'marker'; })[0];
    var lineLayer = layers.filter(function (l) { return l.kind === 'line' || l.kind === 'arrow' || l.kind === 'hatch'; })[0];
    if (fillLayer && fillLayer.fill.a > 0) s.style.background = rgba(fillLayer.fill);
    if (fillLayer && fillLayer.stroke) s.style.borderColor = rgba(fillLayer.stroke);
    if (lineLayer) {
      var c = rgba(lineLayer.color);
      s.style.backgroundImage = lineLayer.kind === 'hatch'
        ? 'repeating-linear-gradient(45deg,' + c + ' 0 2px, transparent 2px 5px)'
        : 'linear-gradient(' + c + ',' + c + ')';
      if (lineLayer.kind !== 'hatch') { s.style.backgroundSize = '100% 4px'; s.style.backgroundPosition = 'center'; s.style.backgroundRepeat = 'no-repeat'; }
    }
    return s;
  }
  function renderLegend() {
    var body = document.getElementById('legend-body');
    body.textContent = '';
    D.layers.slice().reverse().forEach(function (l) {
      if (!shown(l.name) || !l.style[lang].renderer) return;
      body.appendChild(el('div', { class: 'legend-layer' }, l.title[lang]));
      var seen = {};
      l.style[lang].renderer.classes.forEach(function (c) {
        var label = c.label || l.title[lang];
        if (seen[label]) return;
        seen[label] = true;
        var row = el('div', { class: 'legend-row' });
        row.appendChild(swatch(c.symbol));
        row.appendChild(el('span', {}, label));
        body.appendChild(row);
      });
    });
    if (D.density && map.hasLayer(density)) {
      body.appendChild(el('div', { class: 'legend-layer' }, D.density.title[lang]));
      var ramp = D.density.ramp[lang];
      var row = el('div', { class: 'legend-row' });
      var sw = el('span', { class: 'swatch' });
      sw.style.width = '80px';
      sw.style.background = 'linear-gradient(to right,' + ramp.map(function (r) { return rgba(r.colour); }).join(',') + ')';
      row.appendChild(sw);
      row.appendChild(el('span', {}, ramp[0].label + ' – ' + ramp[ramp.length - 1].label));
      body.appendChild(row);
    }
  }
  function renderWeeks() {
    var slider = document.getElementById('week-slider');
    slider.max = String(D.weeks.length);
    var label = document.getElementById('week-label');
    if (weekIndex < 0) { label.textContent = t('all_weeks'); return; }
    var w = D.weeks[weekIndex], found = 0, rectified = 0;
    for (var i = 0; i <= weekIndex; i++) { found += D.weeks[i].found; rectified += D.weeks[i].rectified; }
    label.textContent = w.monday + ' ' + t('week') + ': ' + t('found') + ' ' + found + ', ' + t('rectified') + ' ' + rectified;
    label.setAttribute('data-found', String(found));
    label.setAttribute('data-rectified', String(rectified));
  }
  function renderWords() {
    document.documentElement.lang = lang;
    document.getElementById('title').textContent = D.title;
    document.getElementById('layers-title').textContent = t('layers');
    document.getElementById('legend-title').textContent = t('legend');
    document.getElementById('weeks-title').textContent = t('weeks');
    document.getElementById('lang-switch').textContent = t('other');
    document.getElementById('print').textContent = t('print');
    document.getElementById('village-pick').options[0].textContent = t('pick');
  }

  // --- the village panel -----------------------------------------------------------------------------------------
  var openVillage = null;
  function km(m) { return (m / 1000).toFixed(2); }
  function villagePanel(name) {
    openVillage = name;
    var figures = D.villages[name] || {};
    var panel = document.getElementById('village-panel');
    panel.textContent = '';
    panel.hidden = false;
    panel.setAttribute('data-village', name);
    var close = el('button', { type: 'button', style: 'float:right' }, t('close'));
    close.addEventListener('click', function () { panel.hidden = true; openVillage = null; });
    panel.appendChild(close);
    panel.appendChild(el('h3', {}, name));
    if (figures.area) {
      panel.appendChild(el('div', {}, t('area') + ' ' + figures.area.area_km2.toFixed(2) + ' · ' + t('walked_area') + ' ' +
                                      figures.area.walked_area_km2.toFixed(2)));
    }
    panel.appendChild(el('h4', {}, t('walks')));
    var table = el('table', { id: 'village-walks' });
    var head = el('tr');
    [t('walk'), t('km'), t('covered_km'), t('share')].forEach(function (h) { head.appendChild(el('th', {}, h)); });
    table.appendChild(head);
    (figures.walks || []).forEach(function (w) {
      var tr = el('tr', { 'data-category': w.category });
      var words = D.words.category[w.category];
      tr.appendChild(el('td', {}, words ? words[lang] : w.category));
      // A walk of sites counts places (visited of all), a walk of lines kilometres.
      var sites = w.sites !== undefined;
      tr.setAttribute(sites ? 'data-sites' : 'data-length-m', sites ? w.sites : w.length_m);
      tr.setAttribute(sites ? 'data-visited' : 'data-covered-m', sites ? w.visited : w.covered_m);
      tr.appendChild(el('td', {}, sites ? w.sites + ' ' + t('sites') : km(w.length_m)));
      tr.appendChild(el('td', {}, sites ? w.visited + ' ' + t('visited') : km(w.covered_m)));
      tr.appendChild(el('td', {}, (100 * w.ratio).toFixed(1) + '%'));
      table.appendChild(tr);
    });
    panel.appendChild(table);
    // Issues by status: the issues layer's own rows; their total is the summary's count for the village.
    var byStatus = {};
    if (data.issues) data.issues.features.forEach(function (f) {
      if (f.properties.village === name) byStatus[f.properties.status] = (byStatus[f.properties.status] || 0) + 1;
    });
    var total = (figures.problems || []).reduce(function (s, p) { return s + p.issues; }, 0);
    panel.appendChild(el('h4', {}, t('by_status')));
    var st = el('table', { id: 'village-status', 'data-total': total });
    Object.keys(D.words.status).forEach(function (code) {
      var tr = el('tr', { 'data-status': code, 'data-count': byStatus[code] || 0 });
      tr.appendChild(el('td', {}, D.words.status[code][lang]));
      tr.appendChild(el('td', {}, String(byStatus[code] || 0)));
      st.appendChild(tr);
    });
    var totalRow = el('tr');
    totalRow.appendChild(el('th', {}, t('total')));
    totalRow.appendChild(el('th', {}, String(total)));
    st.appendChild(totalRow);
    panel.appendChild(st);
    panel.appendChild(el('h4', {}, t('dead')));
    var dead = el('table', { id: 'village-dead' });
    var corners = data.uncovered ? data.uncovered.features.filter(function (f) { return f.properties.village === name; }) : [];
    corners.sort(function (a, b) { return a.properties.rank - b.properties.rank; });
    if (!corners.length) dead.appendChild(el('tr')).appendChild(el('td', {}, t('none')));
    corners.forEach(function (f) {
      var tr = el('tr', { 'data-rank': f.properties.rank, 'data-length-m': f.properties.length_m });
      tr.appendChild(el('td', {}, '#' + f.properties.rank));
      tr.appendChild(el('td', {}, Math.round(f.properties.length_m) + t('unit_m')));
      dead.appendChild(tr);
    });
    panel.appendChild(dead);
  }
  // Ray casting over the villages' rings: the village under a click, whichever layers are drawn above it.
  function inRing(x, y, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
  function villageAt(latlng) {
    if (!data.villages) return null;
    var hit = null;
    data.villages.features.forEach(function (f) {
      if (!f.geometry) return;
      var polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      polys.forEach(function (rings) {
        var inside = inRing(latlng.lng, latlng.lat, rings[0]);
        for (var h = 1; inside && h < rings.length; h++) if (inRing(latlng.lng, latlng.lat, rings[h])) inside = false;
        if (inside) hit = f.properties.name;
      });
    });
    return hit;
  }

  // --- start -----------------------------------------------------------------------------------------------------
  function start() {
    map = L.map('map', { zoomSnap: 0.25, attributionControl: false });
    window.geowalkMap = map;
    map.createPane('labels').style.zIndex = 650;
    var bounds = null;
    if (D.density) {
      map.createPane('pane-density').style.zIndex = 390;
      density = L.imageOverlay(D.density.file, D.density.bounds, { pane: 'pane-density', opacity: 1 });
      density.addTo(map);
    }
    // The view first, from the villages (else the first layer with features): layers added after it are projected
    // once, where setting the view after them projected every feature twice.
    D.layers.forEach(function (layer) {
      if (!data[layer.name] || (bounds && layer.name !== 'villages')) return;
      var b = L.geoJSON(data[layer.name]).getBounds();
      if (b.isValid()) bounds = b;
    });
    if (bounds) map.fitBounds(bounds); else map.setView([0, 0], 2);
    D.layers.forEach(function (layer, i) {
      map.createPane('pane-' + layer.name).style.zIndex = 400 + i;
      if (data[layer.name] && layer.on) group(layer.name).addTo(map);
    });
    L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
    map.on('zoomend', showLabelsForZoom);
    map.on('click', function (e) { var v = villageAt(e.latlng); if (v) villagePanel(v); });
    var pick = document.getElementById('village-pick');
    pick.appendChild(el('option', { value: '' }, ''));
    (data.villages ? data.villages.features : []).map(function (f) { return f.properties.name; }).sort()
      .forEach(function (n) { pick.appendChild(el('option', { value: n }, n)); });
    pick.addEventListener('change', function () { if (pick.value) villagePanel(pick.value); });
    document.getElementById('lang-switch').addEventListener('click', function () {
      lang = lang === 'zh' ? 'en' : 'zh';
      refresh();
      if (openVillage) villagePanel(openVillage);
    });
    document.getElementById('print').addEventListener('click', function () { window.print(); });
    // The printed page gives the map another size (geowalk.css, @media print): Leaflet must measure it again, or
    // the print shows the screen's view cropped.
    // Canvases redraw on the next animation frame, which printing does not wait for: redrawn here, at once. And
    // Chromium prints each canvas opaque, so only the top layer would show: for print, each canvas is replaced by a
    // picture of itself (PNG keeps its transparency), put back after.
    var printed = [];
    var beforePrint = function () {
      map.invalidateSize({ pan: false });
      renderers.forEach(function (r) { if (r._map) { r._update(); r._redraw(); } });
      document.querySelectorAll('#map canvas').forEach(function (c) {
        if (c.style.display === 'none') return;
        var img = el('img', { class: 'print-canvas', src: c.toDataURL('image/png') });
        img.style.cssText = c.style.cssText;
        img.style.position = 'absolute';
        img.style.width = c.style.width || c.width + 'px';
        img.style.height = c.style.height || c.height + 'px';
        c.parentNode.insertBefore(img, c);
        c.style.display = 'none';
        printed.push([img, c]);
      });
    };
    var afterPrint = function () {
      printed.forEach(function (pair) { pair[0].remove(); pair[1].style.display = ''; });
      printed = [];
      map.invalidateSize({ pan: false });
    };
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    var slider = document.getElementById('week-slider');
    slider.max = String(D.weeks.length);  // the last stop: the whole campaign
    slider.value = String(D.weeks.length);
    slider.addEventListener('input', function () {
      weekIndex = Number(slider.value) >= D.weeks.length ? -1 : Number(slider.value);
      var issues = D.layers.filter(function (l) { return l.name === 'issues'; })[0];
      if (issues && data.issues) {
        var on = shown('issues');
        if (on) map.removeLayer(groups.issues);
        groups.issues = buildLayer(issues);
        if (on) groups.issues.addTo(map);
      }
      renderWeeks();
    });
    if (!D.weeks.length) document.getElementById('weeks').hidden = true;
    refresh();
    showLabelsForZoom();
    window.geowalkReady = true;
  }
  function refresh() { renderWords(); renderLayerList(); renderLegend(); renderWeeks(); }

  // Each layer is a <script> beside the page (file:// allows no fetch); in order, then the map.
  var pending = D.layers.length;
  if (!pending) start();
  D.layers.forEach(function (layer) {
    var s = el('script', { src: layer.file });
    s.async = false;
    s.onload = s.onerror = function () { if (--pending === 0) start(); };
    document.body.appendChild(s);
  });
})();
