/**
 * The review pane: the forms on the active sheet, their findings, the field → column mapping,
 * a score chart, and the sheet actions (validate, write formulas, clear flags, revert) with the
 * scoring policy. Talks to Excel only through the WorkbookPort it is given.
 */
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../engine/checks";
import { POLICIES, POLICY_NAMES } from "../engine/policy";
import type { FormulaStyle, SheetAnalysis, WorkbookPort, WritePreview } from "../excel/port";
import type { Lang } from "../i18n/strings";
import type { MappedField, MappingForm } from "../layout/mapping";
import { rangeAddress } from "../layout/grid";
import { address } from "../engine/address";
import { FindingsList } from "./components/FindingsList";
import { FormList, formName } from "./components/FormList";
import { LayoutIssues, MappingEditor } from "./components/MappingEditor";
import { ProgressPanel } from "./components/ProgressPanel";
import { ScoreChart } from "./components/ScoreChart";
import { WriteDialog } from "./components/WriteDialog";
import { errorText, useOperation, type Outcome } from "./hooks/useOperation";
import { chartBars } from "./model/chart-data";
import { buildSheetMapping, formKey, isMappable, type HeaderTexts, type MappingEdits } from "./model/mapping-edit";
import type { ThemeName } from "./office-env";
import { countsText, tp, tpCount } from "./strings";

export interface AppProps {
  port: WorkbookPort;
  /** UI language: "zh" (default) or "en". */
  lang?: Lang;
  theme?: ThemeName;
}

/** What the port may add to an analysis for the mapping editor: header texts by row and column. */
type AnalysisWithHeaders = SheetAnalysis & { headerTexts?: HeaderTexts };

function isAnalysis(x: unknown): x is AnalysisWithHeaders {
  return (
    !!x &&
    typeof x === "object" &&
    typeof (x as SheetAnalysis).sheet === "string" &&
    Array.isArray((x as SheetAnalysis).results)
  );
}

type TabValue = "findings" | "mapping" | "chart";

interface Message {
  /** A new id remounts the MessageBar, which announces itself when it mounts. */
  id?: number;
  intent: MessageBarIntent;
  title?: string;
  text: string;
}

const useStyles = makeStyles({
  // Not on FluentProvider itself: portals (dropdowns, dialogs) copy the provider's classes onto
  // their mount node, which would then cover the pane.
  backdrop: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  page: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "720px",
    margin: "0 auto",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  h1: { margin: 0 },
  sheet: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  buttons: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(132px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  write: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  writeRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  policy: { width: "100%", minWidth: 0 },
  live: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
  },
  selectedName: { fontWeight: tokens.fontWeightSemibold },
});

function FluentMessage({
  lang,
  message,
  onDismiss,
}: {
  lang: Lang;
  message: Message;
  onDismiss: () => void;
}): JSX.Element {
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>
        {message.title && <MessageBarTitle>{message.title}</MessageBarTitle>}
        {message.text}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={tp(lang, "DISMISS")} onClick={onDismiss}>
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}

export function App({ port, lang = "zh", theme = "light" }: AppProps): JSX.Element {
  const styles = useStyles();
  const { busy, run, cancel } = useOperation(lang);
  const [analysis, setAnalysis] = useState<AnalysisWithHeaders | null>(null);
  const [saved, setSaved] = useState<MappingForm[] | undefined>(undefined);
  const [policy, setPolicy] = useState<string>("national");
  const [canRevert, setCanRevert] = useState(false);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [tab, setTab] = useState<TabValue>("findings");
  const [message, setMessageState] = useState<Message | null>(null);
  const messageId = useRef(0);
  const setMessage = useCallback((m: Message | null) => setMessageState(m && { ...m, id: ++messageId.current }), []);
  const [style, setStyle] = useState<FormulaStyle>("perf");
  const [preview, setPreview] = useState<WritePreview | null>(null);
  const [edits, setEdits] = useState<Record<string, MappingEdits>>({});
  const [activeFinding, setActiveFinding] = useState<string | undefined>(undefined);
  const sheetRef = useRef<string | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang === "en" ? "en-US" : "zh-CN";
  }, [lang]);

  const fail = useCallback(
    (out: Outcome<unknown>) => {
      if (out.cancelled) setMessage({ intent: "info", text: tp(lang, "CANCELLED") });
      else if (out.error !== undefined)
        setMessage({ intent: "error", title: tp(lang, "ERROR_TITLE"), text: out.error });
    },
    [lang, setMessage],
  );

  const showError = useCallback(
    (err: unknown) => setMessage({ intent: "error", title: tp(lang, "ERROR_TITLE"), text: errorText(err, lang) }),
    [lang, setMessage],
  );

  const refreshRevert = useCallback(async () => {
    try {
      setCanRevert(await port.canRevert());
    } catch {
      setCanRevert(false);
    }
  }, [port]);

  /** Take in a new analysis: keep the selected form when it is still there, load the sheet's saved mapping. */
  const accept = useCallback(
    async (a: AnalysisWithHeaders) => {
      if (sheetRef.current !== a.sheet) {
        setEdits({});
        setActiveFinding(undefined);
      }
      sheetRef.current = a.sheet;
      setAnalysis(a);
      setSelectedKey((cur) => {
        const keys = a.results.map((r) => formKey(r.form));
        return cur !== null && keys.includes(cur) ? cur : (keys[0] ?? null);
      });
      try {
        setSaved(await port.loadMapping(a.sheet));
      } catch (err) {
        setSaved(undefined);
        showError(err);
      }
      await refreshRevert();
    },
    [port, refreshRevert, showError],
  );

  const analyze = useCallback(async () => {
    const out = await run(tp(lang, "BUSY_ANALYZE"), (opts) => port.analyzeActiveSheet(opts));
    if (out.ok && out.value) await accept(out.value);
    else fail(out);
    return out.ok;
  }, [run, lang, port, accept, fail]);

  // On load: the workbook's policy, then the active sheet.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        setPolicy(await port.getPolicy());
      } catch (err) {
        showError(err);
      }
      await analyze();
    })();
  }, [port, analyze, showError]);

  const results = analysis?.results ?? [];
  const selectedIndex = Math.max(
    0,
    results.findIndex((r) => formKey(r.form) === selectedKey),
  );
  const selected = results.length ? results[selectedIndex] : undefined;
  const disabled = busy !== null;

  const selectCell = useCallback(
    (cell: string, sheet?: string) => {
      const s = sheet ?? analysis?.sheet;
      if (!s) return;
      port.selectCell(s, cell).catch(showError);
    },
    [port, analysis, showError],
  );

  const onValidate = async () => {
    setMessage(null);
    const out = await run(tp(lang, "BUSY_VALIDATE"), (opts) => port.validateActiveSheet(opts));
    if (!out.ok || !out.value) {
      // A sheet that could not be flagged (protected) was still checked: show the findings.
      const data = (out.raw as { data?: unknown } | undefined)?.data;
      if (isAnalysis(data)) await accept(data);
      return fail(out);
    }
    await accept(out.value);
    const c = out.value.counts;
    setMessage({
      intent: c.error ? "warning" : "success",
      title: tp(lang, "DONE_TITLE"),
      text:
        c.error + c.warning + c.info === 0
          ? tp(lang, "DONE_VALIDATE_CLEAN")
          : tp(lang, "DONE_VALIDATE", { counts: countsText(lang, c) }),
    });
  };

  const apply = async (p: WritePreview, confirmed: boolean) => {
    setPreview(null);
    const out = await run(tp(lang, "BUSY_APPLY"), (opts) => port.applyWrites(p, confirmed, opts));
    if (!out.ok || !out.value) return fail(out);
    const written = out.value.written;
    await analyze();
    setMessage({ intent: "success", title: tp(lang, "DONE_TITLE"), text: tpCount(lang, "DONE_WRITE", written) });
  };

  const onWrite = async () => {
    setMessage(null);
    const out = await run(tp(lang, "BUSY_PREVIEW"), (opts) => port.previewWrites(style, opts));
    if (!out.ok || !out.value) return fail(out);
    const p = out.value;
    if (p.plan.writes.length === 0) {
      setMessage({ intent: "info", text: tp(lang, "DONE_NOTHING_TO_WRITE") });
      return;
    }
    if (p.needsConfirm.length > 0) setPreview(p);
    else await apply(p, false);
  };

  const onClear = async () => {
    setMessage(null);
    const out = await run(tp(lang, "BUSY_CLEAR"), (opts) => port.clearFlags(opts));
    if (!out.ok || !out.value) return fail(out);
    await refreshRevert();
    setMessage({
      intent: "success",
      title: tp(lang, "DONE_TITLE"),
      text: tpCount(lang, "DONE_CLEAR", out.value.cleared),
    });
  };

  const onRevert = async () => {
    setMessage(null);
    const out = await run(tp(lang, "BUSY_REVERT"), (opts) => port.revert(opts));
    if (!out.ok || !out.value) return fail(out);
    const restored = out.value.restored;
    await analyze();
    setMessage({ intent: "success", title: tp(lang, "DONE_TITLE"), text: tpCount(lang, "DONE_REVERT", restored) });
  };

  const onPolicy = async (name: string) => {
    if (name === policy) return;
    setMessage(null);
    const before = policy;
    setPolicy(name);
    const out = await run(tp(lang, "BUSY_POLICY"), async (opts) => {
      await port.setPolicy(name);
      return port.analyzeActiveSheet(opts);
    });
    if (!out.ok || !out.value) {
      setPolicy(await port.getPolicy().catch(() => before));
      return fail(out);
    }
    await accept(out.value);
    setMessage({
      intent: "success",
      title: tp(lang, "DONE_TITLE"),
      text: tp(lang, "POLICY_SAVED", { label: POLICIES[name]?.label[lang] ?? name }),
    });
  };

  const onSaveMapping = async () => {
    if (!analysis) return;
    setMessage(null);
    const forms = buildSheetMapping(analysis.results, edits, analysis.headerTexts, saved);
    const sheet = analysis.sheet;
    const out = await run(tp(lang, "BUSY_MAPPING"), async (opts) => {
      await port.saveMapping(sheet, forms);
      return port.analyzeActiveSheet(opts);
    });
    if (!out.ok || !out.value) return fail(out);
    setEdits({});
    await accept(out.value);
    setMessage({ intent: "success", title: tp(lang, "DONE_TITLE"), text: tp(lang, "DONE_MAPPING") });
  };

  const onForgetMapping = async () => {
    if (!analysis) return;
    setMessage(null);
    const sheet = analysis.sheet;
    const out = await run(tp(lang, "BUSY_MAPPING"), async (opts) => {
      await port.saveMapping(sheet, []);
      return port.analyzeActiveSheet(opts);
    });
    if (!out.ok || !out.value) return fail(out);
    setEdits({});
    await accept(out.value);
    setMessage({ intent: "success", title: tp(lang, "DONE_TITLE"), text: tp(lang, "DONE_MAPPING_DELETED") });
  };

  const onFinding = (f: Finding, id: string) => {
    setActiveFinding(id);
    selectCell(f.cell, f.sheet);
  };

  const onSelectForm = (i: number) => {
    const r = results[i];
    if (!r) return;
    setSelectedKey(formKey(r.form));
    selectCell(r.form.name?.cell ?? address(r.form.range.top, r.form.range.left));
  };

  const policyOptions = useMemo(() => {
    const names = [...POLICY_NAMES];
    if (!names.includes(policy)) names.push(policy);
    return names.map((n) => ({ name: n, label: POLICIES[n]?.label[lang] ?? tp(lang, "POLICY_CUSTOM", { name: n }) }));
  }, [policy, lang]);
  const policyLabel = policyOptions.find((o) => o.name === policy)?.label ?? policy;

  const mappable = selected && isMappable(selected.form) ? selected.form : undefined;
  const hasChart = selected ? chartBars(selected, lang).length > 0 : false;
  const tabs: TabValue[] = [
    "findings",
    ...(selected ? (["mapping"] as TabValue[]) : []),
    ...(hasChart ? (["chart"] as TabValue[]) : []),
  ];
  const currentTab: TabValue = tabs.includes(tab) ? tab : "findings";

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={styles.backdrop}>
        <main className={styles.page}>
          <header className={styles.header}>
            <Title3 as="h1" className={styles.h1}>
              {tp(lang, "PANE_TITLE")}
            </Title3>
            {analysis && (
              <Caption1 className={styles.sheet}>{tp(lang, "PANE_SHEET", { sheet: analysis.sheet })}</Caption1>
            )}
          </header>

          <section className={styles.card} aria-labelledby="actions-heading">
            <h2 id="actions-heading" className={styles.h2}>
              {tp(lang, "ACTIONS_LABEL")}
            </h2>
            <Field label={tp(lang, "POLICY_LABEL")}>
              <Dropdown
                className={styles.policy}
                value={policyLabel}
                selectedOptions={[policy]}
                disabled={disabled}
                onOptionSelect={(_, d) => d.optionValue && void onPolicy(d.optionValue)}
              >
                {policyOptions.map((o) => (
                  <Option key={o.name} value={o.name} text={o.label}>
                    {o.label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <div className={styles.buttons}>
              <Button
                appearance="primary"
                disabled={disabled}
                onClick={() => void onValidate()}
                title={tp(lang, "ACTION_VALIDATE_HINT")}
              >
                {tp(lang, "ACTION_VALIDATE")}
              </Button>
              <Button
                disabled={disabled}
                onClick={() => void (setMessage(null), analyze())}
                title={tp(lang, "ACTION_REFRESH_HINT")}
              >
                {tp(lang, "ACTION_REFRESH")}
              </Button>
              <Button disabled={disabled} onClick={() => void onClear()} title={tp(lang, "ACTION_CLEAR_HINT")}>
                {tp(lang, "ACTION_CLEAR")}
              </Button>
              <Button
                disabled={disabled || !canRevert}
                onClick={() => void onRevert()}
                title={canRevert ? tp(lang, "ACTION_REVERT_HINT") : tp(lang, "ACTION_REVERT_NONE")}
              >
                {tp(lang, "ACTION_REVERT")}
              </Button>
            </div>
            <div className={styles.write}>
              <Field label={tp(lang, "FORMULA_STYLE")} hint={tp(lang, "STYLE_HINT")}>
                <RadioGroup
                  layout="horizontal"
                  value={style}
                  disabled={disabled}
                  onChange={(_, d) => setStyle(d.value as FormulaStyle)}
                >
                  <Radio value="perf" label={tp(lang, "STYLE_PERF")} />
                  <Radio value="native" label={tp(lang, "STYLE_NATIVE")} />
                </RadioGroup>
              </Field>
              <div className={styles.writeRow}>
                <Button disabled={disabled} onClick={() => void onWrite()} title={tp(lang, "ACTION_WRITE_HINT")}>
                  {tp(lang, "ACTION_WRITE")}
                </Button>
              </div>
            </div>
          </section>

          <div className={styles.live}>
            {busy && <ProgressPanel lang={lang} busy={busy} onCancel={cancel} />}
            {message && (
              <FluentMessage key={message.id} lang={lang} message={message} onDismiss={() => setMessage(null)} />
            )}
          </div>

          {analysis && results.length === 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{tp(lang, "FORMS_NONE")}</MessageBarBody>
            </MessageBar>
          )}

          {results.length > 0 && (
            <section className={styles.card} aria-labelledby="forms-heading">
              <div>
                <h2 id="forms-heading" className={styles.h2}>
                  {tp(lang, "FORMS_HEADING")}
                </h2>
                <Caption1>{tpCount(lang, "FORMS_COUNT", results.length)}</Caption1>
              </div>
              <FormList lang={lang} results={results} selected={selectedIndex} onSelect={onSelectForm} />
            </section>
          )}

          {selected && analysis && (
            <section className={styles.card} aria-label={tp(lang, "TABS_LABEL")}>
              <TabList
                selectedValue={currentTab}
                onTabSelect={(_, d) => setTab(d.value as TabValue)}
                aria-label={tp(lang, "TABS_LABEL")}
              >
                <Tab value="findings" id="tab-findings" aria-controls="panel-findings">
                  {tp(lang, "TAB_FINDINGS")} ({analysis.findings.length})
                </Tab>
                {tabs.includes("mapping") && (
                  <Tab value="mapping" id="tab-mapping" aria-controls="panel-mapping">
                    {tp(lang, "TAB_MAPPING")}
                  </Tab>
                )}
                {tabs.includes("chart") && (
                  <Tab value="chart" id="tab-chart" aria-controls="panel-chart">
                    {tp(lang, "TAB_CHART")}
                  </Tab>
                )}
              </TabList>
              <div
                role="tabpanel"
                id={`panel-${currentTab}`}
                aria-labelledby={`tab-${currentTab}`}
                className={styles.panel}
              >
                {currentTab === "findings" && (
                  <FindingsList lang={lang} results={results} activeId={activeFinding} onSelect={onFinding} />
                )}
                {currentTab === "mapping" && (
                  <>
                    <Text className={styles.selectedName}>
                      {formName(selected.form, lang)} · {rangeAddress(selected.form.range)}
                    </Text>
                    {mappable ? (
                      <MappingEditor
                        lang={lang}
                        form={mappable}
                        headers={analysis.headerTexts}
                        saved={saved}
                        edits={edits[formKey(mappable)]}
                        disabled={disabled}
                        onChange={(field: MappedField, col: number | null) =>
                          setEdits((cur) => ({
                            ...cur,
                            [formKey(mappable)]: { ...cur[formKey(mappable)], [field]: col },
                          }))
                        }
                        onShowCell={(cell) => selectCell(cell)}
                        onSave={() => void onSaveMapping()}
                        onForget={() => void onForgetMapping()}
                        onDiscard={() =>
                          setEdits((cur) => {
                            const next = { ...cur };
                            delete next[formKey(mappable)];
                            return next;
                          })
                        }
                      />
                    ) : selected.form.kind === "project" ? (
                      // A saved mapping's form whose header is gone: saving again confirms the mapping without it.
                      <>
                        <LayoutIssues
                          lang={lang}
                          issues={selected.form.issues}
                          onShowCell={(cell) => selectCell(cell)}
                        />
                        <div>
                          <Button appearance="primary" disabled={disabled} onClick={() => void onSaveMapping()}>
                            {tp(lang, "MAPPING_SAVE")}
                          </Button>
                        </div>
                      </>
                    ) : (
                      <>
                        <Text>{tp(lang, "MAPPING_NOT_PROJECT")}</Text>
                        <LayoutIssues
                          lang={lang}
                          issues={selected.form.issues}
                          onShowCell={(cell) => selectCell(cell)}
                        />
                      </>
                    )}
                  </>
                )}
                {currentTab === "chart" && <ScoreChart lang={lang} result={selected} />}
              </div>
            </section>
          )}
        </main>
      </div>
      <WriteDialog
        lang={lang}
        preview={preview}
        onReplace={() => preview && void apply(preview, true)}
        onKeep={() => preview && void apply(preview, false)}
        onCancel={() => setPreview(null)}
      />
    </FluentProvider>
  );
}

export default App;
