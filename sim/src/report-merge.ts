/**
 * Merges a partial run into sim/REPORT.md: `npm run sim -- noisy-proxy --report` replaces that scenario's target
 * rows and its section and keeps every other scenario's figures as they were (a full suite rewrites the file).
 */

/** Table rows (`| name | ...`) of a report's targets table, by scenario name, in order. */
function tableRows(lines: readonly string[]): Array<{ index: number; name: string }> {
  const rows: Array<{ index: number; name: string }> = [];
  lines.forEach((l, index) => {
    const m = /^\| ([a-z0-9-]+) \|/.exec(l);
    if (m && m[1] !== 'scenario' && !l.startsWith('| ---')) rows.push({ index, name: m[1]! });
  });
  return rows;
}

/** Sections `### Title (\`name\`)` up to the next `### `, by scenario name. */
function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(/^(?=### )/m)) {
    const m = /^### .*\(`([a-z0-9-]+)`\)/.exec(part);
    if (m) out.set(m[1]!, part.replace(/\n+$/, '\n\n'));
  }
  return out;
}

/**
 * `existing` with the targets rows and sections of `partial` (a run's markdown) put in place of the same
 * scenarios' (or appended when new); `note` is added under the header once per merge.
 */
export function mergeReport(existing: string, partial: string, note: string): string {
  const fresh = partial.split('\n');
  const freshRows = tableRows(fresh.slice(0, fresh.findIndex((l) => l.startsWith('### ')) >>> 0));
  const names = new Set(freshRows.map((r) => r.name));
  const [headAndTable, ...rest] = existing.split(/^(?=### )/m);
  const lines = headAndTable!.split('\n');
  const rows = tableRows(lines);
  const firstOld = rows.find((r) => names.has(r.name));
  const insertAt = firstOld?.index ?? (rows.length > 0 ? rows[rows.length - 1]!.index + 1 : lines.length);
  const kept = lines.filter((_, i) => !rows.some((r) => r.index === i && names.has(r.name)));
  const removedBefore = rows.filter((r) => r.index < insertAt && names.has(r.name)).length;
  kept.splice(insertAt - removedBefore, 0, ...freshRows.map((r) => fresh[r.index]!));
  const headerEnd = kept.findIndex((l) => l.startsWith('| scenario |'));
  if (headerEnd > 0) kept.splice(headerEnd, 0, '', note, '');
  const newSections = sections(partial);
  const oldBody = rest.join('');
  const out: string[] = [];
  const done = new Set<string>();
  for (const part of oldBody.split(/^(?=### )/m)) {
    const m = /^### .*\(`([a-z0-9-]+)`\)/.exec(part);
    const name = m?.[1];
    if (name !== undefined && newSections.has(name)) {
      out.push(newSections.get(name)!);
      done.add(name);
    } else out.push(part);
  }
  for (const [name, s] of newSections) if (!done.has(name)) out.push(s);
  return `${kept.join('\n')}${out.join('').replace(/\n+$/, '\n')}`;
}
