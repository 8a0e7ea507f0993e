// Drives Debian's chromium headless (puppeteer-core) over a run's web/ folder opened from file:// and checks it
// against oracles that do not come from the page: summary.json, and SQL on geowalk.gpkg through GDAL's SQLite
// dialect with SpatiaLite (its own PROJ transform to degrees). Pixels are read back from the screenshots by GDAL
// (gdallocationinfo). Usage: node check_web.mjs RUN_DIR SHOT_DIR [BASE_URL]
// BASE_URL: the folder as `geowalk serve RUN_DIR` serves it (http://127.0.0.1:P); without it, file://.
import puppeteer from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [runDir, shotDir, baseUrl] = process.argv.slice(2);
const webDir = path.resolve(runDir, 'web');
const gpkg = path.resolve(runDir, 'geowalk.gpkg');
const summary = JSON.parse(fs.readFileSync(path.join(runDir, 'summary.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(runDir, 'manifest.json'), 'utf8'));
fs.mkdirSync(shotDir, { recursive: true });
let failures = 0;
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}

// Rows of an SQL query on the GeoPackage, as objects (ogr2ogr CSV on stdout).
function sql(query) {
  const csv = execFileSync('ogr2ogr', ['-f', 'CSV', '/vsistdout/', gpkg, '-dialect', 'SQLite', '-sql', query],
                           { encoding: 'utf8' });
  const lines = csv.trim().split('\n');
  const head = lines[0].split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [head[i], v.replace(/^"|"$/g, '')])));
}
// The colour of a screenshot's pixel, read by GDAL.
function pixel(png, x, y) {
  const out = execFileSync('gdallocationinfo', ['-valonly', png, String(Math.round(x)), String(Math.round(y))],
                           { encoding: 'utf8' });
  return out.trim().split('\n').map(Number);
}
const near = (a, b, tol) => a.slice(0, 3).every((v, i) => Math.abs(v - b[i]) <= tol);
// QGIS's default style of a layer in the GeoPackage (layer_styles), where the page's colours must also be.
function qml(layer) {
  return execFileSync('sqlite3', [gpkg, `SELECT styleQML FROM layer_styles WHERE f_table_name='${layer}' AND useAsDefault=1`],
                      { encoding: 'utf8' });
}

const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  // --no-sandbox: CI runs as root. --allow-file-access-from-files is NOT given: the page must work without it.
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
const page = await browser.newPage();
const errors = [], outside = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
page.on('requestfailed', (r) => errors.push('failed: ' + r.url()));
const prefix = baseUrl ? baseUrl.replace(/\/$/, '') + '/' : pathToFileURL(webDir).href + '/';
page.on('request', (r) => {
  const url = r.url();
  if (!url.startsWith(prefix) && !url.startsWith('data:')) outside.push(url);
});
await page.setViewport({ width: 1440, height: 900 });
const t0 = Date.now();
await page.goto(prefix + 'index.html', { waitUntil: 'load' });
await page.waitForFunction('window.geowalkReady === true', { timeout: 30000 });
const interactiveMs = Date.now() - t0;
console.log(`page interactive after ${interactiveMs} ms`);
await new Promise((r) => setTimeout(r, 300));
await page.screenshot({ path: path.join(shotDir, 'desktop.png') });
check(errors.length === 0, 'no console errors: ' + errors.slice(0, 3).join(' | '));
check(outside.length === 0, 'no request outside the folder: ' + outside.slice(0, 3).join(' '));

// Every catalogue layer the run wrote (with features) is in the layer list.
const expected = manifest.layers.filter((l) => l.kind !== 'none' && l.name !== 'rejects' && l.features > 0 &&
                                                l.name !== 'gi_features').map((l) => l.name);
const listed = await page.$$eval('#layer-list input', (xs) => xs.map((x) => x.dataset.layer));
const missing = expected.filter((n) => !listed.includes(n));
check(missing.length === 0 && expected.length > 10, `every layer listed (${expected.length}); missing: ${missing}`);
check(listed.includes('density'), 'the density overlay is listed');

// The village with the most dead corners: its panel against summary.json and the GeoPackage.
const [top] = sql('SELECT village, COUNT(*) AS n FROM uncovered GROUP BY village ORDER BY n DESC LIMIT 1');
const village = top.village;
const [spot] = sql(`SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_Transform(ST_PointOnSurface(geom), 4326) AS p ` +
                   `FROM villages WHERE name = '${village}')`);
const at = async (lon, lat, zoom) => page.evaluate((lon, lat, zoom) => {
  const m = window.geowalkMap;
  if (zoom) m.setView([lat, lon], zoom, { animate: false });
  const p = m.latLngToContainerPoint([lat, lon]);
  const r = m.getContainer().getBoundingClientRect();
  return { x: r.left + p.x, y: r.top + p.y };
}, Number(lon), Number(lat), zoom);
let p = await at(spot.lon, spot.lat, 0);
await page.mouse.click(p.x, p.y);
await page.waitForSelector('#village-panel:not([hidden])', { timeout: 5000 });
check(await page.$eval('#village-panel', (e) => e.dataset.village) === village, `a click opens ${village}'s panel`);
const rows = await page.$$eval('#village-walks tr[data-category]', (trs) => trs.map((tr) => ({
  category: tr.dataset.category, length_m: Number(tr.dataset.lengthM), covered_m: Number(tr.dataset.coveredM),
  sites: Number(tr.dataset.sites), visited: Number(tr.dataset.visited),
  text: [...tr.children].map((td) => td.textContent) })));
const truth = summary.coverage.by_village.filter((r) => r.village === village);
check(rows.length === truth.length && truth.length > 0, `ten-walk rows: ${rows.length} = summary's ${truth.length}`);
// Walks of lines in km (2 decimals), walks of sites as counts; the share in % (1 decimal) either way.
const sameRow = (t, r) => r && r.category === t.category && r.text[3] === (100 * t.ratio).toFixed(1) + '%' &&
  (t.sites !== undefined
    ? r.sites === t.sites && r.visited === t.visited && r.text[1].startsWith(String(t.sites)) && r.text[2].startsWith(String(t.visited))
    : r.length_m === t.length_m && r.covered_m === t.covered_m && r.text[1] === (t.length_m / 1000).toFixed(2) &&
      r.text[2] === (t.covered_m / 1000).toFixed(2));
check(truth.every((t, i) => sameRow(t, rows[i])), 'ten-walk figures equal summary.json');
const statusRows = await page.$$eval('#village-status tr[data-status]', (trs) =>
  Object.fromEntries(trs.map((tr) => [tr.dataset.status, Number(tr.dataset.count)])));
const statusSql = Object.fromEntries(sql(`SELECT status, COUNT(*) AS n FROM issues WHERE village = '${village}' GROUP BY status`)
  .map((r) => [r.status, Number(r.n)]));
check(Object.keys(statusSql).length > 0 && Object.entries(statusSql).every(([s, n]) => statusRows[s] === n) &&
      Object.entries(statusRows).every(([s, n]) => (statusSql[s] || 0) === n), 'issues by status equal SQL on the GeoPackage');
const total = Number(await page.$eval('#village-status', (e) => e.dataset.total));
const summaryTotal = summary.leaders.problems.filter((r) => r.village === village).reduce((s, r) => s + r.issues, 0);
check(total === summaryTotal && total === Object.values(statusSql).reduce((a, b) => a + b, 0),
      `issue total ${total} = summary.json's ${summaryTotal} = SQL`);
const dead = await page.$$eval('#village-dead tr[data-rank]', (trs) => trs.map((tr) => [Number(tr.dataset.rank), tr.children[1].textContent]));
const deadSql = sql(`SELECT rank, length_m FROM uncovered WHERE village = '${village}' ORDER BY rank`);
check(dead.length === deadSql.length && deadSql.every((r, i) => dead[i][0] === Number(r.rank) &&
      dead[i][1].startsWith(String(Math.round(Number(r.length_m))))), `dead corners ranked: ${dead.length} = SQL`);

// Language switch: the legend and layer list change language.
const legendBefore = await page.$eval('#side', (e) => e.textContent);
await page.click('#lang-switch');
const legendAfter = await page.$eval('#side', (e) => e.textContent);
const han = (s) => (s.match(/[\u4e00-\u9fff]/g) || []).length;
check(legendBefore !== legendAfter && han(legendBefore) !== han(legendAfter), 'the language switch changes the labels');
await page.click('#lang-switch');
await page.click('#village-panel button');

// Week slider: the first week's count against summary.json and SQL on the issues' local dates.
const weeks = summary.leaders.weeks.filter((w) => w.monday);
if (weeks.length > 1) {
  await page.$eval('#week-slider', (s) => { s.value = '0'; s.dispatchEvent(new Event('input')); });
  const found = Number(await page.$eval('#week-label', (e) => e.dataset.found));
  check(found === weeks[0].found, `week 1: ${found} found = summary.json's ${weeks[0].found}`);
  await page.$eval('#week-slider', (s) => { s.value = s.max; s.dispatchEvent(new Event('input')); });
}

// Pixels: only one layer drawn at a time, at street scale.
async function only(name) {
  await page.$$eval('#layer-list input', (xs, name) => xs.forEach((x) => {
    if (x.checked !== (x.dataset.layer === name)) x.click();
  }), name);
}
const style = (name) => page.evaluate((name) => window.GEOWALK.layers.find((l) => l.name === name).style.en, name);
const background = [242, 239, 233];  // #map's background (geowalk.css)
const [corner] = sql('SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_Transform(ST_Line_Interpolate_Point(geom, 0.5), 4326) AS p ' +
                     'FROM uncovered ORDER BY length_m DESC LIMIT 1)');
await only('uncovered');
p = await at(corner.lon, corner.lat, 16);
await page.screenshot({ path: path.join(shotDir, 'dead_corner.png') });
const red = (await style('uncovered')).renderer.classes[0].symbol.layers[0].color;
check(qml('uncovered').includes(`${red.r},${red.g},${red.b},${red.a}`), 'the dead-corner colour is the QGIS style\'s');
const seen = pixel(path.join(shotDir, 'dead_corner.png'), p.x, p.y);
check(near(seen, [red.r, red.g, red.b], 12), `dead-corner red at the longest corner's middle: ${seen}`);
await page.click('#toggle-uncovered');
await page.screenshot({ path: path.join(shotDir, 'dead_corner_off.png') });
const off = pixel(path.join(shotDir, 'dead_corner_off.png'), p.x, p.y);
check(near(off, background, 6), `toggling the layer off clears its pixels: ${off}`);

const [hot] = sql('SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_Transform(ST_Centroid(geom), 4326) AS p ' +
                  'FROM hotspot_cells WHERE gi_bin = 3 AND inspected = 1 LIMIT 1)');
if (hot) {
  await only('hotspot_cells');
  p = await at(hot.lon, hot.lat, 16);
  await page.screenshot({ path: path.join(shotDir, 'hot.png') });
  const cls = (await style('hotspot_cells')).renderer.classes.find((c) => c.when[0].field === 'gi_bin' && c.when[0].value === '3');
  const fill = cls.symbol.layers[0].fill;
  check(qml('hotspot_cells').includes(`${fill.r},${fill.g},${fill.b},${fill.a}`), 'the 99 % hot colour is the QGIS style\'s');
  const a = fill.a / 255;
  const want = [fill.r, fill.g, fill.b].map((c, i) => c * a + background[i] * (1 - a));
  const got = pixel(path.join(shotDir, 'hot.png'), p.x, p.y);
  check(near(got, want, 6), `99 % hot colour at a hot cell's centre: ${got} vs ${want.map(Math.round)}`);
}

// Print: one A4 landscape page with the title, the legend and the scale bar, read back by poppler (pdfinfo,
// pdftotext).
await only('uncovered');
const pdfFile = path.join(shotDir, 'print.pdf');
await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info).slice(1).map(Number);
check(pages === 1 && Math.abs(size[0] - 841.89) < 2 && Math.abs(size[1] - 595.28) < 2, `print: ${pages} page(s) of ${size} pt (A4 landscape)`);
const printed = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
const words = await page.evaluate(() => [window.GEOWALK.title, document.getElementById('legend-title').textContent,
                                          document.querySelector('.leaflet-control-scale-line').textContent]);
check(words.every((w) => printed.includes(w.trim())), `print shows the title, the legend and the scale bar (${words.join(' | ')})`);

// The tablet held upright.
await page.setViewport({ width: 768, height: 1024 });
await page.reload({ waitUntil: 'load' });
await page.waitForFunction('window.geowalkReady === true', { timeout: 30000 });
await new Promise((r) => setTimeout(r, 300));
await page.screenshot({ path: path.join(shotDir, 'tablet.png') });
check(errors.length === 0, 'still no console errors: ' + errors.slice(0, 3).join(' | '));
await browser.close();
console.log(failures ? `${failures} check(s) failed` : 'all web checks passed');
process.exit(failures ? 1 : 0);
