/**
 * Confirmation before formulas replace what the user typed: lists the cells holding a typed
 * number (or a formula of the user's) with what they hold now and what would be written.
 * "Replace them too" writes everything; "Keep typed numbers" writes only the other cells;
 * Cancel (or Escape) writes nothing.
 */
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatDecimal, toDecimal } from "../../engine/decimal";
import { Fragment } from "react";
import type { CellWrite } from "../../engine/plan";
import type { WritePreview } from "../../excel/port";
import type { Lang } from "../../i18n/strings";
import { tp } from "../strings";

const useStyles = makeStyles({
  surface: { maxWidth: "min(560px, calc(100vw - 24px))" },
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  scroller: {
    maxHeight: "40vh",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      textAlign: "start",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& thead th": { position: "sticky", top: 0, backgroundColor: tokens.colorNeutralBackground3 },
  },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  nowrap: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  actions: { flexWrap: "wrap" },
});

export interface WriteDialogProps {
  lang: Lang;
  preview: WritePreview | null;
  onReplace: () => void;
  onKeep: () => void;
  onCancel: () => void;
}

/** The engine's value as the cell will show it (a rate as a percentage). */
function shown(w: CellWrite): string {
  if (w.result === undefined) return "";
  if (typeof w.result === "number" && w.numFmt?.includes("%"))
    return `${formatDecimal(toDecimal(w.result).times(100), 2)}%`;
  return String(w.result);
}

/** A formula that may wrap after its commas (and anywhere else when it must). */
function breakable(text: string): JSX.Element[] {
  return text.split(",").map((part, i, all) => (
    <Fragment key={i}>
      {part}
      {i < all.length - 1 && (
        <>
          ,<wbr />
        </>
      )}
    </Fragment>
  ));
}

function now(w: CellWrite): string {
  if (w.previous.formula) return w.previous.formula;
  const v = w.previous.value;
  return v === null || v === undefined ? "" : String(v);
}

export function WriteDialog({ lang, preview, onReplace, onKeep, onCancel }: WriteDialogProps): JSX.Element {
  const styles = useStyles();
  const cells = preview?.needsConfirm ?? [];
  const textKept = preview?.skipped.filter((s) => s.reason === "text").length ?? 0;
  return (
    <Dialog
      open={preview !== null && cells.length > 0}
      modalType="modal"
      onOpenChange={(_, data) => !data.open && onCancel()}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{tp(lang, "WRITE_TITLE")}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>{tp(lang, "WRITE_INTRO", { total: preview?.plan.writes.length ?? 0, n: cells.length })}</Body1>
            <div className={styles.scroller} tabIndex={0} role="region" aria-label={tp(lang, "WRITE_TITLE")}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">{tp(lang, "WRITE_COL_CELL")}</th>
                    <th scope="col">{tp(lang, "WRITE_COL_NOW")}</th>
                    <th scope="col">{tp(lang, "WRITE_COL_NEW")}</th>
                    <th scope="col">{tp(lang, "WRITE_COL_RESULT")}</th>
                  </tr>
                </thead>
                <tbody>
                  {cells.map((w) => (
                    <tr key={`${w.sheet}!${w.cell}`} data-cell={w.cell}>
                      <th scope="row" className={styles.nowrap}>
                        {w.cell}
                      </th>
                      <td className={styles.nowrap}>{now(w)}</td>
                      <td className={styles.code}>{breakable(w.formula ?? w.text ?? "")}</td>
                      <td className={styles.nowrap}>{shown(w)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {textKept > 0 && <Caption1>{tp(lang, "WRITE_TEXT_KEPT", { n: textKept })}</Caption1>}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" onClick={onReplace}>
              {tp(lang, "WRITE_REPLACE")}
            </Button>
            <Button onClick={onKeep}>{tp(lang, "WRITE_KEEP")}</Button>
            <Button appearance="subtle" onClick={onCancel}>
              {tp(lang, "CANCEL")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
