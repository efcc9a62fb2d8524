/**
 * The web checker: the reviewer's desk in a browser. Files or folders in (drop or pick), checked
 * in a worker by perf-check's own pipeline, progress with cancel, the batch summary, the table of
 * forms (sortable, filterable, keyboard-navigable; Enter opens a form's findings), the files not
 * checked with their reasons, and the downloads: JSON, HTML / CSV reports, annotated copies.
 * The batch summary (counts, charts, the forms to look at first) sits above the table, perf-check's
 * own summary of the files answered so far.
 * zh-CN first, en-US on a switch; every text from the one string table.
 */
import {
  Button,
  Dropdown,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Text,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { POLICIES, POLICY_NAMES } from "../engine/policy";
import { both, t, type Lang } from "../i18n/strings";
import { DropZone } from "./components/DropZone";
import { FileProblems } from "./components/FileProblems";
import { FormDialog } from "./components/FormDialog";
import { FormsTable } from "./components/FormsTable";
import { SummaryPanel } from "./components/SummaryPanel";
import { save } from "./download";
import type { Picked } from "./files";
import { entryOf, useChecker, type Download } from "./hooks/useChecker";
import { formRows, type FormRow } from "./model/rows";
import { pageSummary } from "./model/summary";
import type { ReportKind } from "./protocol";

const useStyles = makeStyles({
  page: {
    maxWidth: "1280px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  title: { flexGrow: 1, display: "flex", flexDirection: "column" },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  progressLine: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  downloads: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function App({ lang: initial = "zh" }: { lang?: Lang }) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(initial);
  const [policyChoice, setPolicyChoice] = useState("national");
  const [open, setOpen] = useState<FormRow | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [message, setMessage] = useState<{ zh: string; en: string } | undefined>();
  const checker = useChecker();
  const { rows, phase, progress } = checker;

  const entries = useMemo(() => rows.map((r) => entryOf(r, lang)), [rows, lang]);
  const forms = useMemo(
    () => formRows(entries.map((e, i) => e ?? { file: rows[i].input.path, forms: [] })),
    [entries, rows],
  );
  const byKey = useMemo(() => new Map(forms.map((f) => [f.key, f])), [forms]);
  // perf-check's summary of the files answered so far, under the policy the batch runs with.
  const summary = useMemo(() => pageSummary(entries, POLICIES[checker.policy]), [entries, checker.policy]);
  const finished = phase === "done" || phase === "cancelled";
  /** No batch is running: files may come in, the policy may change. */
  const idle = phase !== "running" && phase !== "cancelling";
  const checked = rows.filter((r) => r.status === "checked");

  const onFiles = useCallback(
    (picked: Picked[], unreadable: string[]) => {
      setMessage(unreadable.length ? both("WEB_DROP_UNREADABLE", { paths: unreadable.join(", ") }) : undefined);
      if (picked.length === 0 && unreadable.length === 0) return;
      void checker.check(picked, policyChoice);
    },
    [checker, policyChoice],
  );

  const download = async (label: string, make: () => Promise<Download>) => {
    setBusy(label);
    try {
      save(await make());
      setMessage(undefined);
    } catch (e) {
      const err = e as Error & { zh?: string; en?: string };
      setMessage(both("WEB_DOWNLOAD_FAILED", { detail: err.zh && err.en ? { zh: err.zh, en: err.en } : err.message }));
    } finally {
      setBusy(undefined);
    }
  };
  const report = (kind: ReportKind, label: string) => download(label, () => checker.render(kind, lang));
  const copies = (ids: number[], zip: boolean, label: string) =>
    download(label, () => checker.annotate(ids, lang, zip));

  const exportsDisabled = !finished || rows.length === 0 || busy !== undefined;
  // formRows gets one entry per row (a skipped file an empty one), so a form's fileIndex is its row's.
  const fileId = (row: FormRow) => rows[row.fileIndex]?.id;

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <main className={s.page}>
        <header className={s.header}>
          <div className={s.title}>
            <Title2 as="h1">{t(lang, "WEB_TITLE")}</Title2>
            <Text>{t(lang, "WEB_INTRO")}</Text>
          </div>
          <Field label={t(lang, "WEB_POLICY")}>
            <Dropdown
              value={POLICIES[policyChoice].label[lang]}
              selectedOptions={[policyChoice]}
              disabled={!idle}
              onOptionSelect={(_, d) => d.optionValue && setPolicyChoice(d.optionValue)}
              data-testid="policy"
            >
              {POLICY_NAMES.map((n) => (
                <Option key={n} value={n}>
                  {POLICIES[n].label[lang]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button
            onClick={() => setLang(lang === "zh" ? "en" : "zh")}
            lang={lang === "zh" ? "en" : "zh"}
            data-testid="lang"
          >
            {t(lang, "WEB_SWITCH_LANG")}
          </Button>
        </header>

        <DropZone lang={lang} disabled={!idle} onFiles={onFiles} />

        {message && (
          <MessageBar intent="warning">
            <MessageBarBody>{message[lang]}</MessageBarBody>
          </MessageBar>
        )}

        {(phase === "running" || phase === "cancelling") && (
          <section className={s.progress} aria-label={t(lang, "WEB_PROGRESS_LABEL")}>
            <div className={s.progressLine}>
              <Text className={s.grow} aria-live="polite" data-testid="progress">
                {t(lang, "WEB_PROGRESS", { done: progress.done, total: progress.total, file: progress.current ?? "" })}
              </Text>
              <Button onClick={checker.cancel} disabled={phase === "cancelling"} data-testid="cancel">
                {t(lang, "CANCEL")}
              </Button>
            </div>
            <ProgressBar value={progress.total ? progress.done / progress.total : 0} thickness="large" />
          </section>
        )}

        {rows.length > 0 && finished && (
          <Text role="status" data-testid="status">
            {phase === "cancelled"
              ? t(lang, "WEB_CANCELLED", { n: rows.filter((r) => r.status === "cancelled").length })
              : t(lang, "WEB_DONE", {
                  files: rows.length,
                  forms: forms.length,
                  errors: forms.reduce((n, f) => n + f.errors, 0),
                  warnings: forms.reduce((n, f) => n + f.warnings, 0),
                })}{" "}
            {t(lang, "WEB_POLICY_USED", { policy: POLICIES[checker.policy]?.label[lang] ?? checker.policy })}
          </Text>
        )}

        {/* Always there, disabled until a batch has finished: a stable place for every export. */}
        <section aria-labelledby="downloads-heading" className={s.downloads}>
          <h2 id="downloads-heading" className={s.heading}>
            {t(lang, "WEB_DOWNLOADS")}
          </h2>
          <Button data-testid="export-json" disabled={exportsDisabled} onClick={() => report("json", "json")}>
            {t(lang, "WEB_EXPORT_JSON")}
          </Button>
          <Button data-testid="export-html" disabled={exportsDisabled} onClick={() => report("html", "html")}>
            {t(lang, "WEB_EXPORT_HTML")}
          </Button>
          <Button data-testid="export-csv" disabled={exportsDisabled} onClick={() => report("csv", "csv")}>
            {t(lang, "WEB_EXPORT_CSV")}
          </Button>
          <Button data-testid="export-xlsx" disabled={exportsDisabled} onClick={() => report("xlsx", "xlsx")}>
            {t(lang, "WEB_EXPORT_XLSX")}
          </Button>
          <Button
            data-testid="export-copies"
            disabled={exportsDisabled || checked.length === 0}
            onClick={() =>
              copies(
                checked.map((r) => r.id),
                true,
                "copies",
              )
            }
          >
            {t(lang, "WEB_EXPORT_COPIES", { n: checked.length })}
          </Button>
          {busy && <Text aria-live="polite">{t(lang, "WEB_PREPARING")}</Text>}
        </section>

        {rows.length > 0 && (
          <SummaryPanel
            lang={lang}
            summary={summary}
            running={idle ? undefined : { done: progress.done, total: progress.total }}
            forms={byKey}
            onOpen={setOpen}
          />
        )}

        <FileProblems lang={lang} rows={rows} />

        {forms.length > 0 && (
          <section aria-labelledby="forms-heading">
            <h2 id="forms-heading" className={s.heading}>
              {t(lang, "WEB_FORMS", { n: forms.length })}
            </h2>
            <FormsTable lang={lang} rows={forms} onOpen={setOpen} />
          </section>
        )}

        <FormDialog
          lang={lang}
          row={open}
          rules={checker.rules}
          onClose={() => setOpen(undefined)}
          onCopy={(row) => {
            const id = fileId(row);
            if (id !== undefined) void copies([id], false, "copy");
          }}
        />
      </main>
    </FluentProvider>
  );
}
