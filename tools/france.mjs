// A movement of all of France, made up but shaped like the real one, for the tests and
// `make bench-web`: 577 circos (every department, Corsica, the overseas departments and
// French people abroad) and 35 000 communes with French-like names (a Saint-… in eight,
// …-sur-…, Le/La…, Sainte-…, towns split between circos), each circo a link whose
// figures the registry publishes. Deterministic: the same files every time.
//
//   node tools/france.mjs OUT_DIR
//
// writes OUT_DIR/france-full.json (the registry listing its communes, 2.5 MB: too large
// for a page), then runs `circo-don communes` on it, which writes OUT_DIR/site/
// (france-full.json without its communes, and communes/*.json).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node tools/france.mjs OUT_DIR');
  process.exit(2);
}

// mulberry32: a small seeded generator.
let seed = 577;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const departments = [];
for (let d = 1; d <= 95; d++) if (d !== 20) departments.push(String(d).padStart(2, '0'));
departments.splice(19, 0, '2A', '2B');
const overseas = { 971: 4, 972: 4, 973: 2, 974: 7, 976: 2 };
// 547 metropolitan circos: 5 each, 6 for the first 67 departments.
const circoCount = (d, i) => overseas[d] ?? (d === 'ZZ' ? 11 : i < 67 ? 6 : 5);
const allDepartments = [...departments, ...Object.keys(overseas), 'ZZ'];

const starts = ['Vil', 'Mont', 'Beau', 'Roche', 'Saint', 'Bel', 'Fon', 'Cha', 'Mar', 'Ber', 'Ville', 'Chât', 'La Fer', 'Plou', 'Ker', 'Ar', 'Cour', 'Bois', 'Pont', 'Val', 'Fré', 'Gué', 'Ma', 'Lé', 'Sau', 'Tré', 'Bri', 'Aul', 'Éc', 'Oy'];
const ends = ['lers', 'fort', 'mont', 'ville', 'court', 'ac', 'an', 'ieu', 'ay', 'ais', 'igny', 'el', 'ières', 'ois', 'on', 'ette', 'eux', 'heim', 'ec', 'ignac', 'oux', 'ouze', 'ans', 'é', 'y'];
const saints = ['Étienne', 'Denis', 'Martin', 'Jean', 'Pierre', 'Germain', 'Laurent', 'Julien', 'André', 'Maurice', 'Aubin', 'Hilaire', 'Georges', 'Michel', 'Paul', 'Vincent', 'Genis', 'Cyr', 'Amand', 'Ouen'];
const rivers = ['Loire', 'Seine', 'Marne', 'Saône', 'Mer', 'Meuse', 'Dordogne', 'Vienne', 'Lot', 'Oise', 'Aube', 'Yonne', 'Cher', 'Indre', 'Sarthe'];
const base = () => {
  const s = pick(starts) + pick(ends);
  return s.charAt(0).toUpperCase() + s.slice(1);
};
function communeName() {
  const r = rand();
  if (r < 0.125) return `Saint-${pick(saints)}${rand() < 0.5 ? `-de-${base()}` : ''}`;
  if (r < 0.15) return `Sainte-${pick(['Marie', 'Foy', 'Colombe', 'Croix', 'Anne', 'Geneviève'])}`;
  if (r < 0.23) return `${base()}-sur-${pick(rivers)}`;
  if (r < 0.28) return `${pick(['Le', 'La', 'Les'])} ${base()}`;
  if (r < 0.31) return `${base()}-les-${base()}`;
  if (r < 0.33) return `L’${base()}`;
  return base();
}

const circos = [];
let total = 0;
allDepartments.forEach((d, i) => {
  const n = circoCount(d, i);
  const entries = [];
  for (let k = 1; k <= n; k++) {
    const target = 2000 + Math.floor(rand() * 30) * 100;
    const raised = Math.floor(rand() * target);
    entries.push({
      department: d, number: k, name: `${d === 'ZZ' ? 'Français de l’étranger' : `Département ${d}`}, circonscription ${k}`,
      url: `circos/${d}-${String(k).padStart(2, '0')}.json`,
      goal: { target, raised, as_of: '2027-05-01', average_gift: 40 },
      communes: [],
    });
  }
  circos.push(...entries);
  if (d === 'ZZ') return;
  const communes = overseas[d] ? 30 : 355;
  const prefix = overseas[d] ? d : d.startsWith('2') && d.length === 2 && /[AB]/.test(d) ? '20' : d;
  for (let c = 1; c <= communes; c++) {
    const insee = overseas[d] ? `${d}${String(c).padStart(2, '0')}` : `${d}${String(c).padStart(3, '0')}`;
    const code = overseas[d] ? `${d}${String(c % 100).padStart(2, '0')}` : `${prefix}${String((c * 7) % 1000).padStart(3, '0')}`;
    const commune = { name: communeName(), insee, postal_codes: [code] };
    // One in a hundred is a town split between two circos.
    const first = Math.floor(rand() * n);
    entries[first].communes.push(commune);
    if (n > 1 && rand() < 0.01) entries[(first + 1) % n].communes.push(commune);
    total++;
  }
});

mkdirSync(out, { recursive: true });
const full = join(out, 'france-full.json');
writeFileSync(full, JSON.stringify({ format: 'circo-don-registry/1', name: 'Mouvement de toute la France (fictif)', circos }));
const said = execFileSync('cargo', ['run', '--locked', '--quiet', '--', 'communes', full, '--out', join(out, 'site')], { cwd: ROOT, encoding: 'utf8' });
process.stderr.write(`france: ${circos.length} circos, ${total} communes\n${said}`);
