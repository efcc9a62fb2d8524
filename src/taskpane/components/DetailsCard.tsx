/** The selected form's details in tabs: its findings, its column mapping, its score chart. */
import { Button, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding, FormResult } from "../../engine/checks";
import type { Lang } from "../../i18n/strings";
import { rangeAddress } from "../../layout/grid";
import type { MappedField } from "../../layout/mapping";
import { chartBars } from "../model/chart-data";
import { formKey, isMappable } from "../model/mapping-edit";
import type { SheetState } from "../model/sheet-state";
import { tp } from "../strings";
import { FindingsList } from "./FindingsList";
import { formName } from "./FormList";
import { LayoutIssues, MappingEditor } from "./MappingEditor";
import { useCardStyles } from "./pane-styles";
import { ScoreChart } from "./ScoreChart";

type TabValue = "findings" | "mapping" | "chart";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
  },
  selectedName: { fontWeight: tokens.fontWeightSemibold },
});

export interface DetailsCardProps {
  lang: Lang;
  sheet: SheetState;
  selected: FormResult;
  disabled: boolean;
  onFinding: (f: Finding, id: string) => void;
  onShowCell: (cell: string) => void;
  onEdit: (form: string, field: MappedField, col: number | null) => void;
  onDiscard: (form: string) => void;
  onSaveMapping: () => void;
  onForgetMapping: () => void;
}

export function DetailsCard(p: DetailsCardProps): JSX.Element | null {
  const styles = useStyles();
  const card = useCardStyles();
  const [tab, setTab] = useState<TabValue>("findings");
  const { lang, selected } = p;
  const analysis = p.sheet.analysis;
  if (!analysis) return null;
  const mappable = isMappable(selected.form) ? selected.form : undefined;
  const tabs: TabValue[] = ["findings", "mapping", ...(chartBars(selected, lang).length > 0 ? ["chart" as const] : [])];
  const current: TabValue = tabs.includes(tab) ? tab : "findings";
  return (
    <section className={card.card} aria-label={tp(lang, "TABS_LABEL")}>
      <TabList
        selectedValue={current}
        onTabSelect={(_, d) => setTab(d.value as TabValue)}
        aria-label={tp(lang, "TABS_LABEL")}
      >
        <Tab value="findings" id="tab-findings" aria-controls="panel-findings">
          {tp(lang, "TAB_FINDINGS")} ({analysis.findings.length})
        </Tab>
        <Tab value="mapping" id="tab-mapping" aria-controls="panel-mapping">
          {tp(lang, "TAB_MAPPING")}
        </Tab>
        {tabs.includes("chart") && (
          <Tab value="chart" id="tab-chart" aria-controls="panel-chart">
            {tp(lang, "TAB_CHART")}
          </Tab>
        )}
      </TabList>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} className={styles.panel}>
        {current === "findings" && (
          <FindingsList
            lang={lang}
            results={analysis.results}
            activeId={p.sheet.activeFinding}
            onSelect={p.onFinding}
          />
        )}
        {current === "mapping" && (
          <>
            <Text className={styles.selectedName}>
              {formName(selected.form, lang)} · {rangeAddress(selected.form.range)}
            </Text>
            {mappable ? (
              <MappingEditor
                lang={lang}
                form={mappable}
                headers={analysis.headerTexts}
                saved={p.sheet.saved}
                edits={p.sheet.edits[formKey(mappable)]}
                disabled={p.disabled}
                onChange={(field, col) => p.onEdit(formKey(mappable), field, col)}
                onShowCell={p.onShowCell}
                onSave={p.onSaveMapping}
                onForget={p.onForgetMapping}
                onDiscard={() => p.onDiscard(formKey(mappable))}
              />
            ) : selected.form.kind === "project" ? (
              // A saved mapping's form whose header is gone: saving again confirms the mapping without it.
              <>
                <LayoutIssues lang={lang} issues={selected.form.issues} onShowCell={p.onShowCell} />
                <div>
                  <Button appearance="primary" disabled={p.disabled} onClick={p.onSaveMapping}>
                    {tp(lang, "MAPPING_SAVE")}
                  </Button>
                </div>
              </>
            ) : (
              <>
                <Text>{tp(lang, "MAPPING_NOT_PROJECT")}</Text>
                <LayoutIssues lang={lang} issues={selected.form.issues} onShowCell={p.onShowCell} />
              </>
            )}
          </>
        )}
        {current === "chart" && <ScoreChart lang={lang} result={selected} />}
      </div>
    </section>
  );
}
