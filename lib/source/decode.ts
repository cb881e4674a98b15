/**
 * Bytes of an HTML page → text, the way a browser picks the encoding (simplified from the
 * WHATWG "encoding sniffing algorithm"): a byte-order mark first, then the HTTP
 * Content-Type charset, then a <meta charset> / <meta http-equiv="Content-Type"> declaration
 * in the first 4 KB, else UTF-8. Chinese government pages are often GBK / GB2312: every GB
 * label is decoded as GB18030 (a superset of both). Without any declaration, bytes that are
 * not valid UTF-8 are read as GB18030 (old portals that declare nothing).
 *
 * Never throws: an unknown or unsupported label falls back to UTF-8.
 */

const SNIFF_BYTES = 4096;

const GB_LABELS = new Set([
  'gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'chinese', 'csgb2312', 'csiso58gb231280',
  'gb_2312', 'gb_2312-80', 'iso-ir-58', 'euc-cn', 'x-euc-cn',
]);

export function decodeHtmlBytes(bytes: Uint8Array, contentTypeHeader?: string): { text: string; charset: string } {
  try {
    // 1. byte-order mark
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return decodeWith('utf-8', bytes.subarray(3));
    }
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));

    // 2. the transport's word
    const http = contentTypeHeader ? charsetFromContentType(contentTypeHeader) : null;
    if (http) {
      const label = usableLabel(http);
      if (label) return decodeWith(label, bytes);
    }

    // 3. a declaration in the page itself
    const declared = sniffMeta(bytes.subarray(0, SNIFF_BYTES));
    if (declared) {
      let label = usableLabel(declared);
      // a page cannot declare UTF-16 in ASCII-compatible bytes (WHATWG: treat as UTF-8)
      if (label === 'utf-16le' || label === 'utf-16be') label = 'utf-8';
      if (label) return decodeWith(label, bytes);
    }

    // 4. nothing declared: UTF-8 when the bytes are UTF-8, else the usual Chinese legacy encoding
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
    } catch {
      const gb = decodeWith('gb18030', bytes);
      return gb;
    }
  } catch {
    try {
      return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
    } catch {
      return { text: '', charset: 'utf-8' };
    }
  }
}

/** The charset parameter of a Content-Type value, or null. */
export function charsetFromContentType(value: string): string | null {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"',]+))/i.exec(value);
  const v = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
  return v || null;
}

/** A charset label found in <meta> tags of the first bytes (read as Latin-1, like the prescan). */
function sniffMeta(head: Uint8Array): string | null {
  let s = '';
  for (let i = 0; i < head.length; i++) s += String.fromCharCode(head[i]!);
  // drop comments so that a commented-out <meta> does not count
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  const metaRe = /<meta\b([^>]*)>/gi;
  let m: RegExpExecArray | null;
  while ((m = metaRe.exec(s))) {
    const attrs = m[1]!;
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i.exec(attrs);
    // <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
    if (direct) return direct[1]!;
  }
  return null;
}

/** A label TextDecoder accepts, mapped (GB family → gb18030), or null. */
function usableLabel(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (GB_LABELS.has(l)) return 'gb18030';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

function decodeWith(label: string, bytes: Uint8Array): { text: string; charset: string } {
  try {
    const d = new TextDecoder(label);
    return { text: d.decode(bytes), charset: d.encoding };
  } catch {
    const d = new TextDecoder('utf-8');
    return { text: d.decode(bytes), charset: 'utf-8' };
  }
}
