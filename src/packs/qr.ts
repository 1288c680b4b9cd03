/** QR codes of pack links, drawn offline (stub: the packs-core work fills it in with the qrcode library). */

/** The QR matrix of a text: `size` × `size` modules, `dark[row * size + col]` 1 for dark; null when the text does not fit. */
export function qrModules(_text: string): { size: number; dark: Uint8Array } | null {
  return null;
}
