/**
 * URLs a bundle may contain that are not requests: XML namespace identifiers (React DOM creates
 * SVG/MathML elements with them) and React's error-decoder link, which only appears inside an
 * error message text. Shared by the bundle checks (test/security.test.ts, test/browser/checker-build.test.ts).
 */
export const REACT_NOT_REQUESTS = [
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/1998/Math/MathML",
  "https://reactjs.org/docs/error-decoder.html?invariant=",
];
