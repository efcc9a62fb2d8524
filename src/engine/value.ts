/**
 * Reading what accountants type: "≥90%", "不超过9万元", "700 余人次", "21.84 万 元",
 * "—", "#DIV/0!", "显著". Never throws and never guesses silently: a number embedded in
 * longer prose is text, not a number.
 */
import { Decimal, formatDecimal, parseNumFmt, printedDecimals as printedDecimalsOf, toDecimal } from "./decimal";
import { memoize } from "./memo";
import type { Achievement, CellValue, Operator, ParsedValue } from "./types";

type NumberValue = Extract<ParsedValue, { kind: "number" }>;

/** Longest first. */
const OPERATORS: [string, Operator][] = (
  [
    [">=", ">="],
    ["=>", ">="],
    ["<=", "<="],
    ["=<", "<="],
    ["≥", ">="],
    ["≤", "<="],
    [">", ">"],
    ["<", "<"],
    ["=", "="],
    ["大于或等于", ">="],
    ["大于等于", ">="],
    ["小于或等于", "<="],
    ["小于等于", "<="],
    ["不低于", ">="],
    ["不少于", ">="],
    ["不小于", ">="],
    ["至少", ">="],
    ["达到", ">="],
    ["高于", ">"],
    ["大于", ">"],
    ["多于", ">"],
    ["超过", ">"],
    ["不高于", "<="],
    ["不超过", "<="],
    ["不超出", "<="],
    ["不多于", "<="],
    ["不大于", "<="],
    ["至多", "<="],
    ["低于", "<"],
    ["小于", "<"],
    ["少于", "<"],
    ["等于", "="],
  ] as [string, Operator][]
).sort((a, b) => b[0].length - a[0].length);

const APPROX_PREFIXES = ["约", "≈", "大约"];
const TIME_UNITS = new Set(["小时", "分钟", "秒", "天", "日", "个工作日", "工作日", "周", "个月", "月", "年"]);
const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!|TIMEOUT!)$/i;
const DASH_TEXT = /^(?:[-—–―‐‑‒－/／\\]+|无|不适用)$/;
const NUMBER_AT_START = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|^[+-]?\.\d+/;
/** Letters (CJK included), %, parentheses, "/", area/volume marks; nothing else. */
const UNIT_CHARS = /^[\p{L}%()/㎡²³·]*$/u;
const MAX_UNIT_LENGTH = 6;

/**
 * The traditional forms of the characters this module's words are written with (显著, 达成, 不低于,
 * 按时完成, 年底前, 余, 以内 …), each to its simplified form: OpenCC's cn→tw and cn→hk forms of every
 * character in this file's vocabulary (test/engine/deadline.test.ts checks the table is complete).
 * A table, not a converter: the engine ships in the PERF functions bundle, which a full
 * traditional→simplified dictionary would outgrow.
 */
const TRADITIONAL: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    "個个內内單单實实後后戶户撥拨於于時时標标沒没準准滯滞滿满無无現现當当發发約约結结萬万號号質质辦办過过達达適适遲迟鍾钟長长顯显餘余驗验"
      .match(/../gu)!
      .map((pair) => [pair[0], pair[1]]),
  ),
);
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join("")}]`, "g");

/** Characters that show nothing: zero-width space and joiners, word joiner, soft hyphen, BOM. */
const INVISIBLE = /[\u200b-\u200d\u2060\u00ad\ufeff]/g;

/**
 * Full-width and compatibility forms folded (NFKC), ≧≦ and the minus sign mapped, ㎡/²/³ kept,
 * invisible characters (zero-width space, soft hyphen, word joiner) removed, the traditional
 * characters of this module's words simplified (顯著 → 显著, 按時 → 按时).
 */
export function normalizeText(s: string): string {
  return normalizeMemo(s);
}

/** normalizeText's answers: forms repeat their words, and each costs several passes. */
const normalizeMemo = memoize(normalizeUncached, 20000);

function normalizeUncached(s: string): string {
  return s
    .replace(INVISIBLE, "")
    .replace(TRADITIONAL_CHARS, (c) => TRADITIONAL[c] ?? c)
    .replace(/[㎡²³]/g, (c) => ({ "㎡": "\uE000", "²": "\uE001", "³": "\uE002" })[c] ?? c)
    .normalize("NFKC")
    .replace(/[\uE000-\uE002]/g, (c) => ({ "\uE000": "㎡", "\uE001": "²", "\uE002": "³" })[c] ?? c)
    .replace(/[═＝]/g, "=")
    .replace(/[≧⩾]/g, "≥")
    .replace(/[≦⩽]/g, "≤")
    .replace(/[−﹣]/g, "-")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Text with all whitespace removed, for comparing what two cells say. */
export function compactText(s: string): string {
  return normalizeText(s).replace(/\s+/g, "");
}

const UNMET = ["未达成", "未完成", "未达到", "未实现", "未能", "不符合", "没有完成", "没有达到"];
const PARTIAL = ["部分达成", "部分完成", "部分实现", "部分达到"];
const MOSTLY = ["基本达成", "基本完成", "基本实现", "基本达到", "基本符合"];
const MET = [
  "目标达成",
  "达成",
  "已完成",
  "完成",
  "符合",
  "显著",
  "得到提升",
  "有所提升",
  "长期",
  "全年",
  "良好",
  "按时",
  "及时",
  "达到",
  "实现",
  "达标",
  "满意",
];

/** Classifies a qualitative actual text ("显著" → met, "基本达成" → mostly); unknown → undefined. */
export function classifyAchievement(text: string): Achievement | undefined {
  const t = compactText(text);
  if (!t) return undefined;
  if (t === "否" || t === "不是") return "unmet";
  if (t === "是") return "met";
  if (UNMET.some((w) => t.includes(w))) return "unmet";
  if (PARTIAL.some((w) => t.includes(w))) return "partial";
  if (MOSTLY.some((w) => t.includes(w))) return "mostly";
  if (MET.some((w) => t.includes(w))) return "met";
  return undefined;
}

function textValue(text: string): ParsedValue {
  const achievement = classifyAchievement(text);
  return achievement ? { kind: "text", text, achievement } : { kind: "text", text };
}

/** Tries to read a string as "[op] number [%] [余] [unit] [以上|以下|以内]". Undefined when it is not one. */
function parseNumberText(original: string, t: string): NumberValue | undefined {
  let rest = t;
  let op: Operator = "none";
  let approx = false;

  for (const p of APPROX_PREFIXES) {
    if (rest.startsWith(p)) {
      approx = true;
      rest = rest.slice(p.length).trimStart();
      break;
    }
  }
  for (const [word, o] of OPERATORS) {
    if (rest.startsWith(word)) {
      op = o;
      rest = rest.slice(word.length).trimStart();
      break;
    }
  }
  const m = NUMBER_AT_START.exec(rest);
  if (!m) return undefined;
  const figure = m[0].replace(/,/g, "");
  rest = rest.slice(m[0].length);

  let tail = rest.replace(/\s+/g, "");
  let percent = false;
  if (tail.startsWith("%")) {
    percent = true;
    tail = tail.slice(1);
  }
  for (const w of ["多余", "余", "多"]) {
    if (tail.startsWith(w)) {
      approx = true;
      tail = tail.slice(w.length);
      break;
    }
  }
  const suffixes: [string, Operator | "approx"][] = [
    ["及以上", ">="],
    ["或以上", ">="],
    ["以上", ">="],
    ["及以下", "<="],
    ["或以下", "<="],
    ["以下", "<="],
    ["以内", "<="],
    ["之内", "<="],
    ["左右", "approx"],
  ];
  for (const [w, o] of suffixes) {
    if (tail.endsWith(w)) {
      tail = tail.slice(0, tail.length - w.length);
      approx = true;
      if (o !== "approx" && op === "none") op = o;
      break;
    }
  }
  if (tail.endsWith("内") && TIME_UNITS.has(tail.slice(0, -1))) {
    tail = tail.slice(0, -1);
    if (op === "none") op = "<=";
    approx = true;
  }
  if (tail.length > MAX_UNIT_LENGTH || !UNIT_CHARS.test(tail)) return undefined;
  if (!percent && tail.startsWith("%")) return undefined;

  let value: Decimal;
  try {
    value = toDecimal(figure);
  } catch {
    return undefined;
  }
  const dot = figure.indexOf(".");
  const printedDecimals = dot >= 0 ? figure.length - dot - 1 : 0;
  if (percent) value = value.div(100);
  return { kind: "number", op, value, unit: tail, percent, approx, printedDecimals, text: original };
}

function readNumber(n: number, numFmt?: string): ParsedValue {
  if (!Number.isFinite(n)) return { kind: "error", text: String(n) };
  const spec = parseNumFmt(numFmt);
  const value = toDecimal(n);
  const printedDecimals = printedDecimalsOf(n, numFmt);
  const figure = formatDecimal(spec.percent ? value.times(100) : value, printedDecimals);
  return {
    kind: "number",
    op: "none",
    value,
    unit: "",
    percent: spec.percent,
    approx: false,
    printedDecimals,
    text: spec.percent ? `${figure}%` : figure,
  };
}

/**
 * What a cell holds, read the way an accountant typed it. Never throws.
 * A number cell with a percent format is a percent (value as stored, the fraction).
 */
export function readValue(raw: CellValue | undefined, numFmt?: string): ParsedValue {
  if (raw === null || raw === undefined) return { kind: "blank" };
  if (typeof raw === "number") {
    let read = NUMBER_READERS.get(numFmt);
    if (!read) NUMBER_READERS.set(numFmt, (read = memoize((n: number) => readNumber(n, numFmt), CACHE_LIMIT)));
    return read(raw);
  }
  if (typeof raw === "boolean") return { kind: "text", text: raw ? "TRUE" : "FALSE" };
  if (typeof raw !== "string") return { kind: "text", text: String(raw) };
  return readTextMemo(raw);
}

/**
 * Parsed texts and numbers, memoized: forms repeat the same targets ("≥90%", "全年") and figures
 * row after row (numbers by number format, then value). A ParsedValue is never mutated.
 */
const CACHE_LIMIT = 50000;
const readTextMemo = memoize(readText, CACHE_LIMIT);
const NUMBER_READERS = new Map<string | undefined, (n: number) => ParsedValue>();

function readText(raw: string): ParsedValue {
  const t = normalizeText(raw);
  if (!t) return { kind: "blank" };
  const text = raw.trim();
  if (ERROR_TEXT.test(t)) return { kind: "error", text: t };
  if (DASH_TEXT.test(t.replace(/\s+/g, ""))) return { kind: "dash", text };
  return parseNumberText(text, t) ?? textValue(text);
}

const OP_TEXT: Record<Operator, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", none: "" };

/** Shows a parsed value so that readValue reads it back to the same op/value/unit/percent. */
export function formatValue(p: ParsedValue): string {
  switch (p.kind) {
    case "blank":
      return "";
    case "dash":
    case "text":
    case "error":
      return p.text;
    case "number": {
      const shown = p.percent ? p.value.times(100) : p.value;
      const figure =
        p.printedDecimals > shown.decimalPlaces() ? formatDecimal(shown, p.printedDecimals) : formatDecimal(shown);
      const approx = p.approx && p.op === "none" ? "余" : "";
      return `${OP_TEXT[p.op]}${figure}${p.percent ? "%" : ""}${approx}${p.unit}`;
    }
  }
}

/** 指标性质 words that give a direction instead of a sign. */
const DIRECTION_WORDS: [RegExp, string][] = [
  [/^(正向|正向指标|越大越好|高于)$/, "≥"],
  [/^(反向|反向指标|越小越好|低于)$/, "≤"],
];

/**
 * A target written over split columns (指标性质 | 指标值 | 度量单位: "≧" | 100 | "%"), read as the one
 * text it stands for ("≥100%"). The sign may also be a direction word (正向 ≥, 反向 ≤); without a
 * sign or unit cell it is the value cell as read alone.
 */
export function readSplitTarget(
  value: CellValue | undefined,
  numFmt: string | undefined,
  op: CellValue | undefined,
  unit: CellValue | undefined,
): ParsedValue {
  const alone = readValue(value, numFmt);
  if (alone.kind !== "number") return alone;
  let sign = typeof op === "string" ? normalizeText(op).replace(/\s+/g, "") : "";
  for (const [re, s] of DIRECTION_WORDS) if (re.test(sign)) sign = s;
  if (sign && !OPERATORS.some(([w]) => w === sign)) sign = "";
  const u = typeof unit === "string" ? normalizeText(unit).replace(/\s+/g, "") : "";
  if (!sign && !u) return alone;
  const figure = alone.percent ? `${formatDecimal(alone.value.times(100))}%` : formatDecimal(alone.value);
  const text = `${sign}${figure}${alone.percent && u === "%" ? "" : u}`;
  const parsed = readValue(text);
  return parsed.kind === "number" ? parsed : alone;
}

/** The number inside a cell (a percent as its fraction), or null when it holds none. */
export function numberOf(raw: CellValue | undefined, numFmt?: string): Decimal | null {
  const p = readValue(raw, numFmt);
  return p.kind === "number" ? p.value : null;
}

/** Whether two units name the same thing closely enough to compare the numbers. */
export function unitsCompatible(a: string, b: string): boolean {
  const x = compactText(a);
  const y = compactText(b);
  if (x === y || x === "" || y === "") return true;
  if (x.startsWith(y) || y.startsWith(x)) return true;
  // "人次" vs "次", "户次" vs "次": a counting noun before the same measure word.
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  if (long.endsWith(short)) {
    const extra = long.slice(0, long.length - short.length);
    return ["人", "户", "家", "个"].includes(extra);
  }
  return false;
}

/**
 * A day of the year as a form writes it: the year and day may be left out ("9月", "10月20日"). A
 * completion may name a span of months instead ("第四季度": month 10, toMonth 12; "上半年": 1 to 6).
 */
export interface DatePoint {
  year?: number;
  month: number;
  day?: number;
  /** The span's last month, when the text names a quarter or a half year rather than a month. */
  toMonth?: number;
}

/**
 * A 时效 target: done by a date ("9月前", "12月底前", "2023年10月31日前", "年底前", "第三季度前",
 * "上半年前") or on time with no date ("按时完成"). "N月前" and "N月底前" both allow all of month N;
 * likewise a quarter or half year allows all of it (第三季度前: by the end of September).
 */
export type Deadline = { kind: "by"; date: DatePoint; text: string } | { kind: "on-time"; text: string };

/** When a 时效 indicator was done: a date ("7月", "10月20日", "2023年7月"), or on time / late in words. */
export type Completion = { kind: "date"; date: DatePoint } | { kind: "on-time" } | { kind: "late" };

const DATE = "(?:(\\d{4})年)?(\\d{1,2})月(?:份)?(?:(\\d{1,2})[日号])?";
const DEADLINE_DATE = new RegExp(`^(?:截至|截止|于|在)?${DATE}(?:底|末)?(?:之|以)?前(?:完成|完工|办结)?$`);
const YEAR_END = /^(?:(\d{4})年)?(?:年底|年末|年内|年度内|本年度内|当年内|当年底)(?:之|以)?前?(?:完成)?$/;
const ON_TIME_TARGET = /^(?:按时|按期|及时|如期|准时)(?:完成|办结|拨付|支付|发放|到位)?(?:率)?$/;
const COMPLETION_DATE = new RegExp(
  `^(?:已)?(?:于|在)?${DATE}(?:底|末|初|中旬|上旬|下旬)?(?:前)?(?:已)?(?:完成|完工|办结|验收)?$`,
);
/** A quarter (第三季度, 三季度, 第3季度, 四季度末) or a half year (上半年, 下半年). */
const SPAN = "(?:(\\d{4})年)?(?:(?:第)?([一二三四1-4])季度|([上下])半年)";
const SPAN_DEADLINE = new RegExp(
  `^(?:截至|截止|于|在)?${SPAN}(?:(?:底|末|结束)?(?:之|以)?前(?:完成|完工|办结)?|(?:内)?(?:完成|完工|办结))$`,
);
const SPAN_DONE = new RegExp(`^(?:已)?(?:于|在)?${SPAN}(?:底|末|初|中)?(?:前)?(?:已)?(?:完成|完工|办结|验收)?$`);
const QUARTER_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** The months a SPAN match names: [first, last]. */
function spanMonths(m: RegExpExecArray): [number, number] {
  if (m[2]) {
    const q = QUARTER_NUMBER[m[2]];
    return [q * 3 - 2, q * 3];
  }
  return m[3] === "上" ? [1, 6] : [7, 12];
}
const ON_TIME_DONE = /^(?:已)?(?:按时|按期|如期|提前|及时|准时)(?:完成|办结|拨付|支付|发放|到位)?$/;
const LATE = /(?:未按时|未按期|未能按时|延期|逾期|滞后|推迟)/;

const MAY_BE_DEADLINE = /[月年时時期季]/;

function datePoint(y: string | undefined, m: string, d: string | undefined): DatePoint | undefined {
  const month = Number(m);
  if (!(month >= 1 && month <= 12)) return undefined;
  const day = d === undefined ? undefined : Number(d);
  if (day !== undefined && !(day >= 1 && day <= 31)) return undefined;
  return { ...(y ? { year: Number(y) } : {}), month, ...(day !== undefined ? { day } : {}) };
}

/** A 时效 target read from its text, or undefined when the text names no deadline. */
export function readDeadline(text: string): Deadline | undefined {
  // Every deadline names a month, the year's end or being on time: other targets ("≥90%") stop here.
  if (!MAY_BE_DEADLINE.test(text)) return undefined;
  const t = compactText(text);
  if (!t) return undefined;
  const m = DEADLINE_DATE.exec(t);
  if (m) {
    const date = datePoint(m[1], m[2], m[3]);
    return date ? { kind: "by", date, text: t } : undefined;
  }
  const y = YEAR_END.exec(t);
  if (y) return { kind: "by", date: { ...(y[1] ? { year: Number(y[1]) } : {}), month: 12 }, text: t };
  const q = SPAN_DEADLINE.exec(t);
  if (q) return { kind: "by", date: { ...(q[1] ? { year: Number(q[1]) } : {}), month: spanMonths(q)[1] }, text: t };
  if (ON_TIME_TARGET.test(t)) return { kind: "on-time", text: t };
  return undefined;
}

/** When a 时效 indicator was done, read from the actual's text; undefined when it says neither. */
export function readCompletion(text: string): Completion | undefined {
  const t = compactText(text);
  if (!t) return undefined;
  if (LATE.test(t)) return { kind: "late" };
  if (ON_TIME_DONE.test(t)) return { kind: "on-time" };
  const m = COMPLETION_DATE.exec(t);
  if (m) {
    const date = datePoint(m[1], m[2], m[3]);
    return date ? { kind: "date", date } : undefined;
  }
  if (/^(?:已)?(?:年底|年末|年内)(?:前)?(?:已)?完成$/.test(t)) return { kind: "date", date: { month: 12 } };
  const q = SPAN_DONE.exec(t);
  if (q) {
    const [month, toMonth] = spanMonths(q);
    return { kind: "date", date: { ...(q[1] ? { year: Number(q[1]) } : {}), month, toMonth } };
  }
  return undefined;
}

/**
 * Whether a completion meets a deadline, by comparing dates (never a ratio of month numbers):
 * true met, false missed, undefined when the two cannot be told apart (a month-only completion in
 * the deadline's month of a day deadline, a quarter that straddles the deadline's month, or a date
 * against "按时完成").
 */
export function meetsDeadline(deadline: Deadline, done: Completion): boolean | undefined {
  if (done.kind === "late") return false;
  if (done.kind === "on-time") return true;
  if (deadline.kind === "on-time") return undefined;
  const d = deadline.date;
  const c = done.date;
  if (d.year !== undefined && c.year !== undefined && d.year !== c.year) return c.year < d.year;
  if (c.toMonth !== undefined) {
    // A span (第四季度) against a month: met if it ends before, missed if it starts after, else undetermined.
    if (c.toMonth < d.month || (c.toMonth === d.month && d.day === undefined)) return true;
    return c.month > d.month ? false : undefined;
  }
  if (c.month !== d.month) return c.month < d.month;
  if (d.day === undefined) return true;
  if (c.day === undefined) return undefined;
  return c.day <= d.day;
}
