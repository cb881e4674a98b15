/**
 * A GBK encoder for fixture generation (Node's TextEncoder only writes UTF-8): the reverse of
 * the platform's GBK decoder, built once by decoding every double-byte code.
 */
let table: Map<string, number> | null = null;

function build(): Map<string, number> {
  const dec = new TextDecoder('gbk');
  const m = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !m.has(ch)) m.set(ch, (lead << 8) | trail);
    }
  }
  return m;
}

export function encodeGbk(s: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) { out.push(c); continue; }
    const code = table.get(ch);
    if (code === undefined) { for (const b of new TextEncoder().encode(`&#${c};`)) out.push(b); continue; }
    out.push(code >> 8, code & 0xff);
  }
  return new Uint8Array(out);
}
