/**
 * What the review-quality checks ask of an indicator row: which kind of indicator it is (by its
 * level names, as 财预〔2020〕10号's 项目支出绩效自评表 and 财预〔2021〕101号's 指引 name them), whether
 * a text states a figure, and whether a 偏差原因 cell says anything. Pure.
 */
import type { Field, IndicatorRow } from "../model";
import { compactText } from "../value";
import { isBlank, isDash } from "./values";

/** The row's level-1 and level-2 names, compacted once per row (several checks ask). */
const LEVELS = new WeakMap<IndicatorRow, { l1: string; l2: string }>();
function levels(ind: IndicatorRow): { l1: string; l2: string } {
  let l = LEVELS.get(ind);
  if (!l) LEVELS.set(ind, (l = { l1: compactText(ind.level1), l2: compactText(ind.level2) }));
  return l;
}

/** 二级指标 数量指标. */
export const isQuantity = (ind: IndicatorRow): boolean => levels(ind).l2.includes("数量");
/** 二级指标 成本指标 (经济、社会、生态环境成本指标). */
export const isCost = (ind: IndicatorRow): boolean => levels(ind).l2.includes("成本");
/** 一级指标 效益指标, or a 二级指标 named … 效益 (社会效益指标 under a blank level 1). */
export function isEffect(ind: IndicatorRow): boolean {
  const { l1, l2 } = levels(ind);
  return l1.includes("效益") || l2.includes("效益");
}
/** 满意度指标 at either level. */
export function isSatisfaction(ind: IndicatorRow): boolean {
  const { l1, l2 } = levels(ind);
  return l1.includes("满意") || l2.includes("满意");
}

/** A measure word after a Chinese numeral ("三次", "两个", "十万元"): the numeral states a figure. */
const CHINESE_FIGURE =
  /[一二三四五六七八九十百千万两]+(?:个|次|人|项|家|所|场|期|批|台|套|份|件|篇|本|户|处|条|座|辆|名|天|年|月|日|周|小时|元|亩|公里|米|吨|%)/;

/** Whether a text states a figure: an Arabic digit, or a Chinese numeral with its measure word. */
export function hasFigure(text: string): boolean {
  const t = compactText(text);
  return /[0-9]/.test(t) || CHINESE_FIGURE.test(t);
}

/** A 偏差原因 cell that says something (blank, "—" and "无" say nothing). */
export function saysSomething(f: Field | undefined): boolean {
  return !!f && !isBlank(f) && !isDash(f);
}
