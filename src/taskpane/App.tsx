/**
 * The review pane: the forms on the active sheet with their totals and grades, their findings,
 * the field → column mapping, a score chart, and the sheet actions (validate, write formulas,
 * clear flags, revert) with the scoring policy. Talks to Excel only through the WorkbookPort it
 * is given.
 *
 * Each concern is its own hook: the running operation (useOperation), the message (useMessage),
 * the active sheet's analysis, selection and mapping edits (useSheet, a reducer), the policy
 * (usePolicyChoice), Revert's availability (useRevertAvailable) and the operations themselves
 * (useSheetActions); the cards render them.
 */
import {
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef } from "react";
import type { WorkbookPort } from "../excel/port";
import type { Lang } from "../i18n/strings";
import { address } from "../engine/address";
import { ActionsCard } from "./components/ActionsCard";
import { DetailsCard } from "./components/DetailsCard";
import { FeaturesNotice } from "./components/FeaturesNotice";
import { FormList } from "./components/FormList";
import { PaneMessage } from "./components/PaneMessage";
import { ProgressPanel } from "./components/ProgressPanel";
import { useCardStyles } from "./components/pane-styles";
import { WriteDialog } from "./components/WriteDialog";
import { useMessage } from "./hooks/useMessage";
import { useOperation } from "./hooks/useOperation";
import { usePolicyChoice } from "./hooks/usePolicyChoice";
import { useRevertAvailable } from "./hooks/useRevertAvailable";
import { useSheet } from "./hooks/useSheet";
import { useSheetActions } from "./hooks/useSheetActions";
import { formKey } from "./model/mapping-edit";
import type { ThemeName } from "./office-env";
import { tp, tpCount } from "./strings";

export interface AppProps {
  port: WorkbookPort;
  /** UI language: "zh" (default) or "en". */
  lang?: Lang;
  theme?: ThemeName;
  /** Whether the host runs the PERF functions (false: WPS before 12.1.0.20540); without them the pane writes native formulas. */
  perfFunctions?: boolean;
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
  live: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

export function App({ port, lang = "zh", theme = "light", perfFunctions = true }: AppProps): JSX.Element {
  const styles = useStyles();
  const card = useCardStyles();
  const { busy, run, cancel } = useOperation(lang);
  const message = useMessage(lang);
  const sheet = useSheet(port, message.showError);
  const policy = usePolicyChoice(lang);
  const revert = useRevertAvailable(port);
  const actions = useSheetActions({ port, lang, run, message, sheet, policy, revert, perfFunctions });
  const caps = useMemo(() => port.capabilities(), [port]);

  useEffect(() => {
    document.documentElement.lang = lang === "en" ? "en-US" : "zh-CN";
  }, [lang]);

  // On load: the workbook's policy, then the active sheet.
  const started = useRef(false);
  const { setPolicy } = policy;
  const { analyze } = actions;
  const { showError } = message;
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
  }, [port, analyze, showError, setPolicy]);

  const { analysis, selectedKey } = sheet.state;
  const results = analysis?.results ?? [];
  const selectedIndex = Math.max(
    0,
    results.findIndex((r) => formKey(r.form) === selectedKey),
  );
  const selected = results.length ? results[selectedIndex] : undefined;
  const disabled = busy !== null;

  const onSelectForm = (i: number) => {
    const r = results[i];
    if (!r) return;
    sheet.dispatch({ type: "select", key: formKey(r.form) });
    actions.selectCell(r.form.name?.cell ?? address(r.form.range.top, r.form.range.left));
  };

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

          <FeaturesNotice lang={lang} caps={caps} />

          <ActionsCard
            lang={lang}
            disabled={disabled}
            policy={policy}
            canRevert={revert.canRevert}
            style={actions.style}
            perfFunctions={perfFunctions}
            onStyle={actions.setStyle}
            onPolicy={(name) => void actions.changePolicy(name)}
            onValidate={() => void actions.validate()}
            onRefresh={() => void (message.clear(), actions.analyze())}
            onClear={() => void actions.clearFlags()}
            onRevert={() => void actions.revertAll()}
            onWrite={() => void actions.write()}
          />

          <div className={styles.live}>
            {busy && <ProgressPanel lang={lang} busy={busy} onCancel={cancel} />}
            {message.message && (
              <PaneMessage key={message.message.id} lang={lang} message={message.message} onDismiss={message.clear} />
            )}
          </div>

          {analysis && results.length === 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{tp(lang, "FORMS_NONE")}</MessageBarBody>
            </MessageBar>
          )}

          {results.length > 0 && (
            <section className={card.card} aria-labelledby="forms-heading">
              <div>
                <h2 id="forms-heading" className={card.h2}>
                  {tp(lang, "FORMS_HEADING")}
                </h2>
                <Caption1>{tpCount(lang, "FORMS_COUNT", results.length)}</Caption1>
              </div>
              <FormList lang={lang} results={results} selected={selectedIndex} onSelect={onSelectForm} />
            </section>
          )}

          {selected && (
            <DetailsCard
              lang={lang}
              sheet={sheet.state}
              selected={selected}
              disabled={disabled}
              onFinding={actions.openFinding}
              onShowCell={(cell) => actions.selectCell(cell)}
              onEdit={(form, field, col) => sheet.dispatch({ type: "edit", form, field, col })}
              onDiscard={(form) => sheet.dispatch({ type: "discard", form })}
              onSaveMapping={() => void actions.saveMapping()}
              onForgetMapping={() => void actions.forgetMapping()}
            />
          )}
        </main>
      </div>
      <WriteDialog
        lang={lang}
        preview={actions.preview}
        onReplace={() => actions.preview && void actions.apply(actions.preview, true)}
        onKeep={() => actions.preview && void actions.apply(actions.preview, false)}
        onCancel={() => actions.setPreview(null)}
      />
    </FluentProvider>
  );
}

export default App;
