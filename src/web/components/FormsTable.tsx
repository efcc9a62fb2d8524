/**
 * The table of forms: file, sheet, project, 自评得分, 复核得分, 偏差, both grades, errors and
 * warnings; every column sorts (its header is a button: click, Enter or Space), a text filter and a
 * kind filter narrow the rows. Rows are one tab stop: arrow keys, Home, End, Page Up / Down move
 * between them, Enter or Space opens the form's findings.
 */
import {
  Badge,
  Dropdown,
  Field,
  Input,
  Option,
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
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { t, type Lang, type StringKey } from "../../i18n/strings";
import { viewRows, type FormRow, type Show, type SortKey, type View } from "../model/rows";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  filters: { display: "flex", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "end" },
  query: { minWidth: "260px" },
  scroll: { overflowX: "auto" },
  table: { minWidth: "900px" },
  row: {
    cursor: "pointer",
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "-2px",
    },
  },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  file: { overflowWrap: "anywhere" },
});

const COLUMNS: { key: SortKey; label: StringKey; numeric?: boolean; width?: string }[] = [
  { key: "file", label: "REPORT_file", width: "22%" },
  { key: "sheet", label: "REPORT_sheet", width: "12%" },
  { key: "name", label: "REPORT_name", width: "20%" },
  { key: "self", label: "WEB_COL_SELF", numeric: true },
  { key: "review", label: "WEB_COL_REVIEW", numeric: true },
  { key: "deviation", label: "WEB_COL_DEVIATION", numeric: true },
  { key: "selfGrade", label: "WEB_COL_SELF_GRADE" },
  { key: "reviewGrade", label: "WEB_COL_REVIEW_GRADE" },
  { key: "errors", label: "REPORT_errors", numeric: true },
  { key: "warnings", label: "REPORT_warnings", numeric: true },
];

const SHOWS: { value: Show; label: StringKey }[] = [
  { value: "all", label: "WEB_SHOW_ALL" },
  { value: "errors", label: "WEB_SHOW_ERRORS" },
  { value: "warnings", label: "WEB_SHOW_WARNINGS" },
  { value: "clean", label: "WEB_SHOW_CLEAN" },
];

export interface FormsTableProps {
  lang: Lang;
  rows: FormRow[];
  onOpen: (row: FormRow) => void;
}

interface RowProps {
  row: FormRow;
  lang: Lang;
  active: boolean;
  onOpen: (row: FormRow) => void;
  onFocusRow: (key: string) => void;
}

/** A finding count: a filled badge when there are any. */
function CountCell({ n, color }: { n: number; color: "danger" | "warning" }) {
  const s = useStyles();
  return (
    <TableCell className={s.num}>
      {n > 0 ? (
        <Badge color={color} appearance="filled">
          {n}
        </Badge>
      ) : (
        "0"
      )}
    </TableCell>
  );
}

const FormTableRow = memo(function FormTableRow({ row, lang, active, onOpen, onFocusRow }: RowProps) {
  const s = useStyles();
  const unscored = t(lang, "WEB_UNSCORED");
  return (
    <TableRow
      className={s.row}
      tabIndex={active ? 0 : -1}
      data-key={row.key}
      aria-label={`${row.name || row.range} ${row.file} ${row.sheet}`}
      onClick={() => onOpen(row)}
      onFocus={() => onFocusRow(row.key)}
    >
      <TableCell className={s.file}>{row.file}</TableCell>
      <TableCell>{row.sheet}</TableCell>
      <TableCell>{row.name || row.range}</TableCell>
      <TableCell className={s.num}>{row.scored ? (row.self ?? "") : unscored}</TableCell>
      <TableCell className={s.num}>{row.review ?? ""}</TableCell>
      <TableCell className={s.num}>{row.deviation ?? ""}</TableCell>
      <TableCell>{row.scored ? (row.selfGrade ?? "") : unscored}</TableCell>
      <TableCell>{row.reviewGrade ?? ""}</TableCell>
      <CountCell n={row.errors} color="danger" />
      <CountCell n={row.warnings} color="warning" />
    </TableRow>
  );
});

export function FormsTable({ lang, rows, onOpen }: FormsTableProps) {
  const s = useStyles();
  const [view, setView] = useState<View>({ query: "", show: "all", sort: "file", descending: false });
  const [activeKey, setActiveKey] = useState<string | undefined>();
  const body = useRef<HTMLTableSectionElement>(null);
  const shown = useMemo(() => viewRows(rows, view), [rows, view]);
  const active = shown.find((r) => r.key === activeKey)?.key ?? shown[0]?.key;

  // Keep the focused row in view when the rows change under it.
  useEffect(() => {
    if (activeKey && !shown.some((r) => r.key === activeKey)) setActiveKey(undefined);
  }, [shown, activeKey]);

  const sortBy = (key: SortKey) =>
    setView((v) => ({ ...v, sort: key, descending: v.sort === key ? !v.descending : false }));

  const focusRow = (index: number) => {
    const r = shown[Math.max(0, Math.min(shown.length - 1, index))];
    if (!r) return;
    setActiveKey(r.key);
    body.current?.querySelector<HTMLElement>(`[data-key="${r.key}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const i = shown.findIndex((r) => r.key === active);
    const page = 10;
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: shown.length - 1,
      PageDown: i + page,
      PageUp: i - page,
    };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key]);
    } else if ((e.key === "Enter" || e.key === " ") && i >= 0) {
      e.preventDefault();
      onOpen(shown[i]);
    }
  };

  return (
    <div className={s.root}>
      <div className={s.filters}>
        <Field label={t(lang, "WEB_FILTER")} className={s.query}>
          <Input
            value={view.query}
            onChange={(_, d) => setView((v) => ({ ...v, query: d.value }))}
            data-testid="filter"
            type="search"
          />
        </Field>
        <Field label={t(lang, "WEB_SHOW")}>
          <Dropdown
            value={t(lang, SHOWS.find((x) => x.value === view.show)!.label)}
            selectedOptions={[view.show]}
            onOptionSelect={(_, d) => setView((v) => ({ ...v, show: d.optionValue as Show }))}
            data-testid="show"
          >
            {SHOWS.map((x) => (
              <Option key={x.value} value={x.value}>
                {t(lang, x.label)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Text aria-live="polite" data-testid="shown">
          {t(lang, "WEB_ROWS", { shown: shown.length, total: rows.length })}
        </Text>
      </div>
      <div className={s.scroll}>
        <Table className={s.table} sortable aria-label={t(lang, "WEB_TABLE")} data-testid="forms">
          <TableHeader>
            <TableRow>
              {COLUMNS.map((c) => (
                <TableHeaderCell
                  key={c.key}
                  style={c.width ? { width: c.width } : undefined}
                  sortDirection={view.sort === c.key ? (view.descending ? "descending" : "ascending") : undefined}
                  onClick={() => sortBy(c.key)}
                  data-column={c.key}
                >
                  {t(lang, c.label)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody ref={body} onKeyDown={onKeyDown}>
            {shown.map((r) => (
              <FormTableRow
                key={r.key}
                row={r}
                lang={lang}
                active={r.key === active}
                onOpen={onOpen}
                onFocusRow={setActiveKey}
              />
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
