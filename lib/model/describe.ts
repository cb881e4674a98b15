import { z } from 'zod';

/**
 * A readable outline of a zod schema (for the README): one line a field with its type,
 * nested objects indented. Uses zod 4's JSON Schema export so that it follows the schema
 * itself, never a hand-written copy.
 */
export function describeSchema(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  const lines: string[] = [];
  walk(json, '', 0, lines, json);
  lines.push('', 'SourceRef<html>: { kind: "html", selector: string, start?: integer, end?: integer }  (CSS selector of the element; text offsets of a sentence)');
  lines.push('SourceRef<text>: { kind: "text", line: integer, endLine?: integer, field?: integer, start?: integer, end?: integer }  (1-based line; 0-based tab field)');
  lines.push('SourceRef<pdf>:  { kind: "pdf", page: integer, box: [x0, y0, x1, y1], start?: integer, end?: integer }  (1-based page; PDF units, top-left origin)');
  return lines.join('\n');
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: JsonSchema | boolean;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  prefixItems?: JsonSchema[];
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(' | ');
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const kinds = alts.map((a) => a.properties?.kind?.const).filter((k) => k !== undefined);
    if (kinds.length === alts.length) return `SourceRef<${kinds.join('|')}>`;
    return alts.map(typeOf).join(' | ');
  }
  if (s.type === 'array') return s.prefixItems ? `[${s.prefixItems.map(typeOf).join(', ')}]` : `${s.items ? typeOf(s.items) : 'unknown'}[]`;
  if (s.type === 'object') {
    if (s.properties) return 'object';
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return `{ [key]: ${typeOf(s.additionalProperties)} }`;
    return 'object';
  }
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return s.type ?? 'unknown';
}

function walk(s: JsonSchema, name: string, depth: number, lines: string[], root: JsonSchema): void {
  const pad = '  '.repeat(depth);
  if (s.properties) {
    for (const [k, v] of Object.entries(s.properties)) {
      const opt = s.required?.includes(k) ? '' : '?';
      const inner = objectOf(v);
      lines.push(`${pad}${k}${opt}: ${typeOf(v)}`);
      if (inner && depth < 6) walk(inner, k, depth + 1, lines, root);
    }
  }
}

/** The object schema to descend into for a field (objects, arrays of objects, records, nullable objects). */
function objectOf(v: JsonSchema): JsonSchema | null {
  if (v.properties) return v;
  if (v.type === 'array' && v.items?.properties) return v.items;
  if (v.additionalProperties && typeof v.additionalProperties === 'object' && v.additionalProperties.properties) return v.additionalProperties;
  const alts = v.anyOf ?? v.oneOf;
  if (alts && alts.length === 2 && alts.some((a) => a.type === 'null')) return objectOf(alts.find((a) => a.type !== 'null')!);
  return null;
}
