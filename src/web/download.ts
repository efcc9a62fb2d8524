/**
 * Saving a download: the bytes as a Blob URL on a link with a file name, clicked. Nothing leaves
 * the machine; the URL is revoked once the browser has taken the file.
 */
import type { Download } from "./hooks/useChecker";

export function save(d: Download): void {
  const url = URL.createObjectURL(d.blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = d.name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Chromium and Firefox take the file during the click's task; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
