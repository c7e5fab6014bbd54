/** Small SVG images as data: URIs, so image challenges need no network or files. */
export function svgDataUri(text: string, background = '#1f4e79'): string {
  const escaped = text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="60" viewBox="0 0 160 60">`
    + `<rect width="160" height="60" rx="6" fill="${background}"/>`
    + `<text x="80" y="38" font-family="sans-serif" font-size="20" fill="#fff" text-anchor="middle">${escaped}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
