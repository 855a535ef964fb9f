/** One bar of the seed chart. */
export interface SeedBar {
  name: string;
  speedup: number;
  kind: 'baseline' | 'waitless' | 'raw' | 'library';
}

/** Titles of the seed chart. */
export interface SeedChartText {
  title: string;
  subtitle?: string;
}

const COLORS: Readonly<Record<SeedBar['kind'], string>> = {
  baseline: '#9aa0a6',
  waitless: '#1a73e8',
  raw: '#e8710a',
  library: '#188038',
};
const LEGEND: Readonly<Record<SeedBar['kind'], string>> = {
  baseline: 'sequential baseline',
  waitless: 'Waitless strategy (gather)',
  raw: 'raw transport (Promise.all)',
  library: 'client library (Promise.all)',
};
// Legend entries are laid out by an estimate of their text width (no font metrics in a string builder).
const LEGEND_CHAR_WIDTH = 6.6;
const LEGEND_SWATCH = 18;
const LEGEND_GAP = 22;

const WIDTH = 760;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 70;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 18;
const TOP = 78;
const AXIS_HEIGHT = 28;
/** One row of legend entries. */
const LEGEND_ROW_HEIGHT = 22;
const LEGEND_PADDING = 8;
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

/**
 * Renders the seed scenario as a standalone SVG horizontal bar chart: one bar a client, its speedup
 * over the sequential baseline written at the bar's end, a grid on "nice" ticks and a legend.
 * Deterministic (same input, same bytes), so the committed chart only changes when the numbers do.
 * @example writeFileSync('docs/benchmarks-seed.svg', renderSeedChartSvg(report.seed.results, { title: 'Seed speedup' }));
 */
export function renderSeedChartSvg(bars: readonly SeedBar[], text: SeedChartText): string {
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
  const ticks = niceTicks(Math.max(1, ...bars.map((b) => b.speedup)));
  const max = ticks[ticks.length - 1];
  const x = (value: number): number => LABEL_WIDTH + (Math.max(0, value) / max) * plotWidth;
  const plotHeight = bars.length * ROW_HEIGHT;
  const kinds = (Object.keys(LEGEND) as SeedBar['kind'][]).filter((k) => bars.some((b) => b.kind === k));
  const legendAt = layoutLegend(kinds);
  const legendRows = Math.max(1, ...legendAt.map((l) => l.row + 1));
  const height = TOP + plotHeight + AXIS_HEIGHT + legendRows * LEGEND_ROW_HEIGHT + LEGEND_PADDING;

  const grid = ticks.map((t) => {
    const gx = fmt(x(t));
    return (
      `  <line x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${TOP + plotHeight}" stroke="#e0e0e0"/>\n` +
      `  <text x="${gx}" y="${TOP + plotHeight + 18}" text-anchor="middle" font-size="12" fill="#5f6368">${t}×</text>`
    );
  });
  const rows = bars.map((bar, i) => {
    const y = TOP + i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    const barWidth = fmt(x(bar.speedup) - LABEL_WIDTH);
    const midY = fmt(y + BAR_HEIGHT / 2 + 4);
    return [
      `  <text x="${LABEL_WIDTH - 10}" y="${midY}" text-anchor="end" font-size="13" fill="#202124">${escapeXml(bar.name)}</text>`,
      `  <rect x="${LABEL_WIDTH}" y="${fmt(y)}" width="${barWidth}" height="${BAR_HEIGHT}" rx="2" fill="${COLORS[bar.kind]}">` +
        `<title>${escapeXml(`${bar.name}: ${bar.speedup.toFixed(2)}×`)}</title></rect>`,
      `  <text x="${fmt(x(bar.speedup) + 6)}" y="${midY}" font-size="13" fill="#202124">${bar.speedup.toFixed(1)}×</text>`,
    ].join('\n');
  });
  const legend = legendAt.map(({ kind, x: lx, row }) => {
    const legendY = TOP + plotHeight + AXIS_HEIGHT + 14 + row * LEGEND_ROW_HEIGHT;
    return (
      `  <rect x="${lx}" y="${legendY - 10}" width="12" height="12" fill="${COLORS[kind]}"/>\n` +
      `  <text x="${lx + 18}" y="${legendY}" font-size="12" fill="#5f6368">${LEGEND[kind]}</text>`
    );
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
      `${FONT} role="img" aria-label="${escapeXml(text.title)}">`,
    `  <rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `  <text x="20" y="30" font-size="17" font-weight="600" fill="#202124">${escapeXml(text.title)}</text>`,
    ...(text.subtitle ? [`  <text x="20" y="52" font-size="12" fill="#5f6368">${escapeXml(text.subtitle)}</text>`] : []),
    ...grid,
    ...rows,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}

/** Places legend entries left to right from the chart's left edge, wrapping to a new row at its right edge. */
function layoutLegend(kinds: readonly SeedBar['kind'][]): Array<{ kind: SeedBar['kind']; x: number; row: number }> {
  let x = 20;
  let row = 0;
  return kinds.map((kind) => {
    const width = LEGEND_SWATCH + LEGEND[kind].length * LEGEND_CHAR_WIDTH;
    if (x > 20 && x + width > WIDTH - 20) {
      x = 20;
      row++;
    }
    const at = { kind, x: Math.round(x), row };
    x += width + LEGEND_GAP;
    return at;
  });
}

/** Axis ticks from 0 to a round number ≥ `max`, 4–10 of them (step 1, 2 or 5 × a power of ten). */
export function niceTicks(max: number): number[] {
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Escapes the five XML special characters for text and attribute values. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

function fmt(value: number): string {
  return String(Math.round(value * 10) / 10);
}
