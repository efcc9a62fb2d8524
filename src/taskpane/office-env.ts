/**
 * What the pane reads from Office itself: the display language and the theme. Safe to call
 * where office.js is absent or not initialised (a plain browser, tests).
 */
import type { Lang } from "../i18n/strings";

export type ThemeName = "light" | "dark";

export { langFromTag } from "../excel/display-language";
import { langFromTag } from "../excel/display-language";

/** "#1f1f1f" (dark) → "dark"; unreadable or light → "light". Relative luminance below 0.5 is dark. */
export function themeFromBackground(color: string | undefined | null): ThemeName {
  if (typeof color !== "string") return "light";
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!m) return "light";
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance < 0.5 ? "dark" : "light";
}

function officeContext(): Office.Context | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context : undefined;
  } catch {
    return undefined;
  }
}

/** The UI language from Office.context.displayLanguage (zh when unknown). */
export function officeLang(): Lang {
  return langFromTag(officeContext()?.displayLanguage);
}

/** The theme from Office.context.officeTheme (light when unknown). */
export function officeThemeName(): ThemeName {
  try {
    return themeFromBackground(officeContext()?.officeTheme?.bodyBackgroundColor);
  } catch {
    return "light";
  }
}
