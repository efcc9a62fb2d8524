/**
 * One form's findings with their cells: severity, the check's name and code, the message, the
 * figure expected and the one found, and what to do (the check's fix hint); then the layout
 * problems met reading the form. The workbook's annotated copy downloads from here.
 */
import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type Lang, type StringKey } from "../../i18n/strings";
import type { FormRow } from "../model/rows";
import type { RuleText } from "../protocol";

const useStyles = makeStyles({
  surface: { maxWidth: "min(1100px, 96vw)", width: "96vw" },
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  cell: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  fix: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const COLOR: Record<string, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface FormDialogProps {
  lang: Lang;
  row: FormRow | undefined;
  rules: ReadonlyMap<string, RuleText>;
  onClose: () => void;
  onCopy: (row: FormRow) => void;
}

export function FormDialog({ lang, row, rules, onClose, onCopy }: FormDialogProps) {
  const s = useStyles();
  const form = row?.form;
  return (
    <Dialog open={row !== undefined} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={s.surface} aria-describedby={undefined}>
        {row && form && (
          <DialogBody>
            <DialogTitle>{row.name || row.range}</DialogTitle>
            <DialogContent className={s.content}>
              <Caption1>
                {row.file} · {row.sheet}!{row.range}
              </Caption1>
              <h3 className={s.heading}>{t(lang, "WEB_FINDINGS", { n: form.findings.length })}</h3>
              {form.findings.length === 0 ? (
                <Text>{t(lang, "REPORT_noFindings")}</Text>
              ) : (
                <Table
                  size="small"
                  aria-label={t(lang, "WEB_FINDINGS", { n: form.findings.length })}
                  data-testid="findings"
                >
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell style={{ width: "9%" }}>{t(lang, "REPORT_cell")}</TableHeaderCell>
                      <TableHeaderCell style={{ width: "9%" }}>{t(lang, "WEB_SEVERITY")}</TableHeaderCell>
                      <TableHeaderCell style={{ width: "18%" }}>{t(lang, "WEB_CHECK")}</TableHeaderCell>
                      <TableHeaderCell>{t(lang, "REPORT_message")}</TableHeaderCell>
                      <TableHeaderCell style={{ width: "28%" }}>{t(lang, "WEB_FIX")}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {form.findings.map((f, i) => {
                      const rule = rules.get(f.code);
                      return (
                        <TableRow key={i} data-code={f.code} data-cell={f.cell}>
                          <TableCell className={s.cell}>{f.cell}</TableCell>
                          <TableCell>
                            <Badge color={COLOR[f.severity] ?? "informative"} appearance="filled">
                              {t(lang, `SEV_${f.severity}` as StringKey)}
                            </Badge>
                          </TableCell>
                          <TableCell>
                            {rule ? rule.name[lang] : f.code}
                            <br />
                            <Caption1>{f.code}</Caption1>
                          </TableCell>
                          <TableCell>
                            {f.message}
                            {(f.expected !== undefined || f.found !== undefined) && (
                              <>
                                <br />
                                <Caption1>
                                  {t(lang, "WEB_EXPECTED_FOUND", {
                                    expected: f.expected ?? "—",
                                    found: f.found ?? "—",
                                  })}
                                </Caption1>
                              </>
                            )}
                          </TableCell>
                          <TableCell className={s.fix}>{rule?.fix[lang] ?? ""}</TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              )}
              {form.layoutIssues.length > 0 && (
                <>
                  <h3 className={s.heading}>{t(lang, "WEB_LAYOUT_ISSUES", { n: form.layoutIssues.length })}</h3>
                  <ul>
                    {form.layoutIssues.map((x, i) => (
                      <li key={i}>
                        {x.cell ? <span className={s.cell}>{x.cell} </span> : null}
                        {x.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onCopy(row)} data-testid="form-copy">
                {t(lang, "WEB_EXPORT_COPY")}
              </Button>
              <Button appearance="primary" onClick={onClose}>
                {t(lang, "WEB_CLOSE")}
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
