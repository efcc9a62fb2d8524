/**
 * The files that were handed over but gave no form, each with its one-line reason: unreadable
 * (corrupt, encrypted, over the limits, .xls/.et that need LibreOffice), skipped in a folder
 * (lock files, annotated copies, other spreadsheet formats), not reached before a cancel, or read
 * with findings about the file as a whole (NO_FORM: no form found, and what was looked for).
 */
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang, type StringKey } from "../../i18n/strings";
import type { Row, Status } from "../hooks/useChecker";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", rowGap: "2px" },
  path: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
});

const LABEL: Partial<Record<Status, StringKey>> = {
  unreadable: "WEB_STATUS_UNREADABLE",
  skipped: "WEB_STATUS_SKIPPED",
  cancelled: "WEB_STATUS_CANCELLED",
};

/** A checked file's findings about the file as a whole (NO_FORM). */
function fileFindings(r: Row, lang: Lang) {
  return r.status === "checked" ? (r.result?.[lang].findings ?? []) : [];
}

/** A row's reason in `lang`: the read error, the skip reason, the cancel, or its file-level findings. */
export function reasonOf(r: Row, lang: Lang): string {
  if (r.status === "cancelled") return t(lang, "WEB_CANCELLED_FILE");
  if (r.status === "checked")
    return fileFindings(r, lang)
      .map((f) => `${f.code}: ${f.message}`)
      .join(" ");
  return r.result?.[lang].error ?? r.input.reason?.[lang] ?? "";
}

/** The badge of a row: its status, or for a checked file the severity of its first file-level finding. */
function labelOf(r: Row, lang: Lang): string {
  const key = LABEL[r.status];
  if (key) return t(lang, key);
  return t(lang, `SEV_${fileFindings(r, lang)[0]?.severity ?? "error"}` as StringKey);
}

export function FileProblems({ lang, rows }: { lang: Lang; rows: Row[] }) {
  const s = useStyles();
  const problems = rows.filter((r) => LABEL[r.status] || fileFindings(r, lang).length > 0);
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="problems-heading" data-testid="problems">
      <h2 id="problems-heading" className={s.heading}>
        {t(lang, "WEB_PROBLEM_FILES", { n: problems.length })}
      </h2>
      <ul className={s.list}>
        {problems.map((r) => (
          <li key={r.id} data-status={r.status}>
            <Badge
              appearance="outline"
              color={r.status === "unreadable" || r.status === "checked" ? "danger" : "informative"}
            >
              {labelOf(r, lang)}
            </Badge>{" "}
            <span className={s.path}>{r.input.path}</span>: {reasonOf(r, lang)}
          </li>
        ))}
      </ul>
    </section>
  );
}
