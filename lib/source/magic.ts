/**
 * A file's kind from its first bytes: '%PDF' (readers accept a few bytes of junk before it, so the first KB is
 * searched) or a ZIP local header (a .docx is a ZIP). Null when neither.
 */
export function magicKind(bytes: Uint8Array): 'pdf' | 'docx' | null {
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i + 4 <= n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46) return 'pdf';
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  return null;
}
