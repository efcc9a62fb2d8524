/**
 * Reproduces every printed 执行率, budget score, quantitative indicator score and total of the
 * published 2021 forms in test/data/seeds (inputs transcribed from the seed text), comparing
 * at the printed precision. Where a printed figure disagrees with the rule, the test asserts the
 * rule's figure and says so in its title.
 *
 * Rules: 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) — policy `national` for seeds 000/002;
 * seed 003 (包头) scored with policy `spend-ratio`.
 */
import { Decimal, agreesAtPrecision, roundTo } from "../../src/engine/decimal";
import { getPolicy } from "../../src/engine/policy";
import { budgetScore, execRate, indicatorScore, sumExact, type IndicatorScore } from "../../src/engine/rules";
import type { CellValue, Policy } from "../../src/engine/types";
import { readValue } from "../../src/engine/value";

const SEED000 = "seed 000_3d3ef83473f1539e.txt";
const SEED002 = "seed 002_a0c86900c2b5e58b.txt";
const SEED003 = "seed 003_ce6f9e895fa8b19c.txt";

/** A printed figure and the precision it was printed at (of the fraction, for a percent). */
function printed(s: string, percentFigure = false): { value: Decimal; decimals: number } {
  const p = readValue(s);
  if (p.kind !== "number") throw new Error(`not a printed number: ${s}`);
  if (percentFigure && !p.percent) return { value: p.value.div(100), decimals: p.printedDecimals + 2 };
  return { value: p.value, decimals: p.printedDecimals + (p.percent ? 2 : 0) };
}

function agrees(stated: string, computed: Decimal, percentFigure = false): boolean {
  const p = printed(stated, percentFigure);
  return agreesAtPrecision(p.value, computed, p.decimals, "half-up");
}

interface Disagreement {
  /** The rule's figure (policy-rounded), asserted exactly. */
  rule: string;
  why: string;
}

interface Row {
  level2: string;
  level3: string;
  target: CellValue;
  actual: CellValue;
  weight: number;
  printed: string;
  disagree?: Disagreement;
  /** Expected qualitative range [lo, hi] when the achievement is known. */
  band?: [number, number];
  expect?: "scored" | "qualitative" | "unreadable";
}

interface Form {
  seed: string;
  name: string;
  policy: Policy;
  budget: CellValue;
  executed: CellValue;
  rate: string;
  /** 执行率 printed as a bare percent figure ("98.32"). */
  rateFigure?: boolean;
  score: string;
  scoreDisagree?: Disagreement;
  rows: Row[];
  total?: string;
  totalDisagree?: Disagreement;
}

function scoreRow(form: Form, row: Row): IndicatorScore {
  return indicatorScore(
    {
      target: readValue(row.target),
      actual: readValue(row.actual),
      weight: new Decimal(row.weight),
      kind: "auto",
      level2: row.level2,
    },
    form.policy,
  );
}

function rowTitle(form: Form, i: number, row: Row): string {
  const head =
    `指标第${i + 1}行 ${row.level2}/${row.level3} (${String(row.target)} vs ${String(row.actual)}, 分值 ${row.weight})`.replace(
      /\s*\n\s*/g,
      " ",
    );
  return row.disagree
    ? `${head}: printed ${row.printed} disagrees, rule ${row.disagree.rule} (${row.disagree.why})`
    : `${head}: printed ${row.printed}`;
}

function describeForm(form: Form): void {
  describe(`${form.seed} ${form.name} [${form.policy.name}]`, () => {
    const rate = execRate(form.budget as number, form.executed as number, form.policy);
    const bScore = rate ? budgetScore(rate.exact, form.policy) : null;

    it(`执行率 ${form.executed}/${form.budget} agrees with printed ${form.rate} (财预〔2020〕10号 执行率 = 全年执行数/全年预算数)`, () => {
      expect(rate).not.toBeNull();
      expect(agrees(form.rate, rate!.exact, form.rateFigure)).toBe(true);
    });

    if (form.scoreDisagree) {
      const d = form.scoreDisagree;
      it(`预算执行率得分: printed ${form.score} disagrees, rule ${d.rule} (${d.why})`, () => {
        expect(bScore!.value.eq(new Decimal(d.rule))).toBe(true);
        expect(agrees(form.score, bScore!.exact)).toBe(false);
      });
    } else {
      it(`预算执行率得分 agrees with printed ${form.score} (执行率 × 10, 财预〔2020〕10号)`, () => {
        expect(agrees(form.score, bScore!.exact)).toBe(true);
      });
    }

    const contributions: Decimal[] = [];
    form.rows.forEach((row, i) => {
      const r = scoreRow(form, row);
      const p = printed(row.printed);
      contributions.push(r.status === "scored" ? r.value : p.value);
      it(rowTitle(form, i, row), () => {
        if (row.expect) expect(r.status).toBe(row.expect);
        if (r.status === "scored") {
          expect(r.value.lte(row.weight)).toBe(true);
          if (row.disagree) {
            expect(r.value.eq(new Decimal(row.disagree.rule))).toBe(true);
            expect(agreesAtPrecision(p.value, r.exact, p.decimals, "half-up")).toBe(false);
          } else {
            expect(agreesAtPrecision(p.value, r.exact, p.decimals, "half-up")).toBe(true);
          }
        } else if (r.status === "qualitative") {
          if (row.band) {
            expect(r.lo.eq(row.band[0])).toBe(true);
            expect(r.hi.eq(row.band[1])).toBe(true);
          }
          const inside = p.value.gte(r.lo) && p.value.lte(r.hi);
          expect(inside).toBe(!row.disagree);
        } else {
          expect(row.expect).toBe("unreadable");
        }
      });
    });

    if (form.total !== undefined) {
      const ruleTotal = sumExact([bScore ? bScore.value : new Decimal(0), ...contributions]);
      const t = form.total;
      if (form.totalDisagree) {
        const d = form.totalDisagree;
        it(`总分: printed ${t} disagrees, rule ${d.rule} (${d.why})`, () => {
          expect(ruleTotal.eq(new Decimal(d.rule))).toBe(true);
          expect(agrees(t, ruleTotal)).toBe(false);
        });
      } else {
        it(`总分 agrees with printed ${t} (sum of the rule's scores; qualitative rows as printed)`, () => {
          expect(agrees(t, ruleTotal)).toBe(true);
        });
      }
    }
  });
}

const national = getPolicy("national");
const spendRatio = getPolicy("spend-ratio");

// ───────────────────────── seed 000 ─────────────────────────
describeForm({
  seed: SEED000,
  name: "创新创业人才积分落户工作项目",
  policy: national,
  budget: 53.861,
  executed: 19.978525,
  rate: "37.09%",
  score: "3.71",
  rows: [
    {
      level2: "数量指标",
      level3: "审核人数",
      target: "5000人",
      actual: "164人",
      weight: 8,
      printed: "0.26",
      expect: "scored",
    },
    {
      level2: "数量指标",
      level3: "接听电话时长",
      target: "5000分钟",
      actual: "4000分钟",
      weight: 7,
      printed: "5.6",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "为政策修订做好数据支撑",
      target:
        "梳理以往年度申报、审核数据，对接人社局获取工商、社保数据，汇总高新技术企业、科技中小企业、投资机构数据，结合政策修改方向，形成数据链条",
      actual: "梳理历年申报、审核数据，对接国高新及科中小，搜集相应数据",
      weight: 5,
      printed: "5",
      expect: "qualitative",
    },
    {
      level2: "质量指标",
      level3: "做好政策宣讲",
      target: "开展政策解读及宣讲会",
      actual: "政策解读及宣讲3次",
      weight: 5,
      printed: "5",
      expect: "qualitative",
    },
    {
      level2: "质量指标",
      level3: "加强工作人员培训",
      target: "对政策解读、申报系统功能解读、呼叫中心模拟演练及申报系统实操演培训会",
      actual: "根据工作方案，在积分落户工作正式启动前完成工作人员培训",
      weight: 5,
      printed: "5",
      band: [4, 5],
    },
    {
      level2: "时效指标",
      level3: "年度安排",
      target: "按照当年发布通知后3个月内完成",
      actual: "发布通知后3个月内完成",
      weight: 6,
      printed: "6",
      band: [4.8, 6],
    },
    {
      level2: "时效指标",
      level3: "审核进度",
      target: "及时响应，当天咨询当天解决",
      actual: "按规定时间完成审核",
      weight: 4,
      printed: "4",
      band: [3.2, 4],
    },
    {
      level2: "成本指标",
      level3: "人力指标",
      target: "不超过行业平均人工成本，每人每月9900元",
      actual: "不超过平均成本，根据实际工作量、工作内容及工作时间，每人每月5000元标准",
      weight: 10,
      printed: "10",
      expect: "qualitative",
    },
    {
      level2: "社会效益指标",
      level3: "政策修订并完善",
      target: "积分落户管理办法进一步优化",
      actual: "形成政策研究报告，为今后积分落户管理办法的修订提供意见搜集及数据支撑",
      weight: 30,
      printed: "30",
      expect: "qualitative",
    },
    {
      level2: "服务对象满意度指标",
      level3: "社会满意度",
      target: "无差错少投诉，社会满意度90%以上",
      actual: "98%",
      weight: 10,
      printed: "10",
      expect: "qualitative",
    },
  ],
  total: "84.57",
});

// ───────────────────────── seed 002 (北京海外学人中心) ─────────────────────────
const WITHIN = "national cost 'as-reverse': 完成值 within the control amount scores full";
const MET_FULL = "target met (actual states the same bound) scores full, 财预〔2020〕10号";

describeForm({
  seed: SEED002,
  name: "海创扶持资金",
  policy: national,
  budget: 1300,
  executed: 1160,
  rate: "89.23%",
  score: "9",
  rows: [
    {
      level2: "数量指标",
      level3: "资助孵化海创数量",
      target: "≥50个",
      actual: "基本达成",
      weight: 15,
      printed: "12",
      band: [9, 15],
    },
    {
      level2: "质量指标",
      level3: "符合资助政策规定",
      target: "符合最新政策标准和资助规定",
      actual: "符合标准",
      weight: 15,
      printed: "15",
      band: [12, 15],
    },
    {
      level2: "时效指标",
      level3: "完成项目评审",
      target: "1.项目启动2021年1月至5月；2.项目实施阶段：2021年6-12月",
      actual: "每年一次",
      weight: 10,
      printed: "10",
      band: [0, 10],
    },
    {
      level2: "成本指标",
      level3: "项目预算控制数",
      target: "2700",
      actual: "1160万元",
      weight: 10,
      printed: "5",
      disagree: { rule: "10", why: WITHIN },
    },
    {
      level2: "社会效益指标",
      level3: "引领技术创新水平",
      target: "得到提升",
      actual: "得到提升",
      weight: 10,
      printed: "9",
      band: [8, 10],
    },
    {
      level2: "社会效益指标",
      level3: "促进产业竞争力水平",
      target: "得到提升",
      actual: "得到提升",
      weight: 10,
      printed: "7",
      band: [8, 10],
      disagree: { rule: "8–10", why: "actual equals target (达成), printed 7 is below the 达成 band [80%,100%] of 10" },
    },
    {
      level2: "社会效益指标",
      level3: "培育优质企业发展数量",
      target: "得到提升",
      actual: "得到提升",
      weight: 10,
      printed: "8",
      band: [8, 10],
    },
    {
      level2: "服务对象满意度",
      level3: "资助企业满意度指标",
      target: "≥80%",
      actual: "100%",
      weight: 10,
      printed: "10",
      expect: "scored",
    },
  ],
  total: "85",
  totalDisagree: { rule: "89.92", why: "成本 row 10 instead of the printed 5; 执行率得分 8.92" },
});

describeForm({
  seed: SEED002,
  name: "特聘岗位项目经费",
  policy: national,
  budget: 916.5,
  executed: 901.14,
  rate: "98.32",
  rateFigure: true,
  score: "9.8",
  rows: [
    {
      level2: "数量指标",
      level3: "服务特聘岗位数量",
      target: "≥5人",
      actual: "目标达成",
      weight: 10,
      printed: "10",
      band: [8, 10],
    },
    {
      level2: "质量指标",
      level3: "按年度服务内容和考核指标完成工作任务",
      target: "符合岗位合同要求",
      actual: "符合岗位和聘用标准",
      weight: 20,
      printed: "20",
      band: [16, 20],
    },
    {
      level2: "时效指标",
      level3: "完成考核、服务的进度",
      target: "按进度完成年度考核任务服务任务",
      actual: "完成年度目标",
      weight: 10,
      printed: "10",
      band: [8, 10],
    },
    {
      level2: "成本指标",
      level3: "项目预算控制数",
      target: "946.5",
      actual: "901.14",
      weight: 10,
      printed: "9",
      disagree: { rule: "10", why: WITHIN },
    },
    {
      level2: "社会效益指标",
      level3: "落实建设属地职责推动经济和社会效益; 发挥智囊作用政策规划和建言献策; 推动国际人才项目交流与合作",
      target: "得到提升",
      actual: "目标达成",
      weight: 20,
      printed: "20",
      band: [16, 20],
    },
    {
      level2: "服务对象满意度",
      level3: "特聘岗位满意度指标",
      target: "≥80%",
      actual: "≥80",
      weight: 20,
      printed: "20",
      expect: "scored",
    },
  ],
  total: "98.8",
  totalDisagree: { rule: "99.83", why: "成本 row 10 instead of the printed 9; 执行率得分 9.83" },
});

describeForm({
  seed: SEED002,
  name: "办公场地租赁费",
  policy: national,
  budget: 796,
  executed: 796,
  rate: "100",
  rateFigure: true,
  score: "10",
  rows: [
    {
      level2: "数量指标",
      level3: "办公场地数量",
      target: "2261.73/平方米",
      actual: "2261.73/平方米",
      weight: 20,
      printed: "20",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "正常运行率",
      target: "≥99%",
      actual: "≥99%",
      weight: 20,
      printed: "20",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "运行维护响应时间",
      target: "≤4小时",
      actual: "≤4小时",
      weight: 20,
      printed: "20",
      expect: "scored",
    },
    {
      level2: "成本指标",
      level3: "预算控制数",
      target: "906万元",
      actual: "796万元",
      weight: 20,
      printed: "17.5",
      disagree: { rule: "20", why: WITHIN },
    },
    {
      level2: "服务对象满意度",
      level3: "使用人员满意度",
      target: "≥95%",
      actual: "≥95%",
      weight: 10,
      printed: "9",
      disagree: { rule: "10", why: MET_FULL },
    },
  ],
  total: "96.5",
  totalDisagree: { rule: "100", why: "成本 20 and 满意度 10 instead of the printed 17.5 and 9" },
});

describeForm({
  seed: SEED002,
  name: "服务保障经费",
  policy: national,
  budget: 401.26,
  executed: 234.87,
  rate: "58.53%",
  score: "5.8",
  scoreDisagree: { rule: "5.85", why: "10 × 58.533% = 5.853; 5.9 at 1 decimal" },
  rows: [
    {
      level2: "数量指标",
      level3: "发现、吸引、凝聚相当数量人才来京发展",
      target: "科学有效开展人才评价；强化服务保障，向各类人才提供政务、生活和事业发展三个维度18大项专业服务。",
      actual:
        "开展多渠道联络、培训交流、综合服务等事务性工作；持续构建有效的海外人才服务机制，为广大海外学人来京创新创业提供有力的政策支持、良好的生活保障和优质的服务环境。",
      weight: 15,
      printed: "15",
      expect: "qualitative",
    },
    {
      level2: "质量指标",
      level3: "提供符合首都城市战略定位国际化、高端化、专业化服务",
      target: "提供符合首都城市战略定位国际化、高端化、专业化服务",
      actual: "积极创新工作方式方法，为人才提供涵盖政务、生活、事业发展分层服务，但服务体系仍需完善提高。",
      weight: 15,
      printed: "13",
      expect: "qualitative",
    },
    {
      level2: "时效指标",
      level3: "符合年度规划",
      target: "符合年度规划",
      actual: "符合年度规划",
      weight: 10,
      printed: "10",
      band: [8, 10],
    },
    {
      level2: "成本指标",
      level3: "项目预算控制数",
      target: "650万元",
      actual: "234.87万元",
      weight: 10,
      printed: "4",
      disagree: { rule: "10", why: WITHIN },
    },
    {
      level2: "效益指标",
      level3: "促进首都城市战略定位提供人才保障和智力支持",
      target: "促进首都城市战略定位提供人才保障和智力支持，推动科技创新，引领企业发展得到提升",
      actual:
        "聚焦需求，做好求才聚贤和人才服务工作，促进首都城市战略定位人才保障和智力支持，推动科技创新，引领企业发展得到提升。",
      weight: 30,
      printed: "29",
      band: [24, 30],
    },
    {
      level2: "服务对象满意度",
      level3: "服务的海外学人满意度",
      target: "≥75%",
      actual: "≥75%",
      weight: 10,
      printed: "9",
      disagree: { rule: "10", why: MET_FULL },
    },
  ],
  total: "85.8",
  totalDisagree: { rule: "92.85", why: "执行率得分 5.85, 成本 10 and 满意度 10 instead of the printed 5.8, 4 and 9" },
});

describeForm({
  seed: SEED002,
  name: "服务大厅项目经费",
  policy: national,
  budget: 423.9,
  executed: 422.67,
  rate: "99.71%",
  score: "9.9",
  scoreDisagree: { rule: "9.97", why: "10 × 99.71% = 9.971; 10.0 at 1 decimal half-up, 9.9 only when truncated" },
  rows: [
    {
      level2: "数量指标",
      level3: "办公套内面积",
      target: "522.79/平方米",
      actual: "522.79/平方米",
      weight: 20,
      printed: "20",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "正常运行率",
      target: "≥98%",
      actual: "≥98%",
      weight: 20,
      printed: "20",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "运行维护响应时间",
      target: "≤4小时",
      actual: "≤4小时",
      weight: 20,
      printed: "20",
      expect: "scored",
    },
    {
      level2: "成本指标",
      level3: "项目预算控制数",
      target: "423.9万元",
      actual: "422.67万元",
      weight: 10,
      printed: "9.9",
      disagree: { rule: "10", why: WITHIN },
    },
    {
      level2: "服务对象满意度",
      level3: "使用人员满意度",
      target: "≥95%",
      actual: "≥95%",
      weight: 20,
      printed: "18",
      disagree: { rule: "20", why: MET_FULL },
    },
  ],
  total: "97.8",
  totalDisagree: { rule: "99.97", why: "执行率得分 9.97, 成本 10, 满意度 20" },
});

describeForm({
  seed: SEED002,
  name: "“中工会”绿色城市专题研讨项目",
  policy: national,
  budget: 237.04638,
  executed: 210.6,
  rate: "88.84%",
  score: "8.9",
  rows: [
    {
      level2: "数量指标",
      level3: "阶段性成果报告12份；总结报告4份",
      target: "阶段性成果报告12份；总结报告4份",
      actual: "阶段性成果报告12份；总结报告4份",
      weight: 10,
      printed: "9.9",
      band: [8, 10],
    },
    {
      level2: "质量指标",
      level3: "城市信息化建设等",
      target:
        "1.全球数字经济发展的前沿动态。\n\n2.学习国外的恶臭气体治理技术等的研究过程。\n\n3.生态系统恢复规划的相关问题。",
      actual:
        "1.跟踪、了解全球数字经济发展的前沿动态。\n\n2.系统的学习国外的恶臭气体治理技术，了解到了国外恶臭气体治理企业对恶臭气体治理技术的研究过程，以及工程时间中可能出现的问题。\n\n3.咨询解决了生态系统恢复规划的部分问题。",
      weight: 20,
      printed: "19.9",
      expect: "qualitative",
    },
    {
      level2: "时效指标",
      level3: "研讨时间：10月－12月",
      target: "3个批次的技术研讨",
      actual: "开展了3个批次的技术研讨",
      weight: 10,
      printed: "9.9",
      expect: "qualitative",
    },
    {
      level2: "成本指标",
      level3: "项目成本控制在预算内",
      target: "279.833万元",
      actual: "210.6万元",
      weight: 10,
      printed: "7.5",
      disagree: { rule: "10", why: WITHIN },
    },
    {
      level2: "生态效益指标",
      level3: "对改善城市信息、水环境、城市垃圾分类处理等方面的问题起到促进作用。",
      target: "通过“中工会”项目搭建的海内外工程技术交流的长效平台，促进城市建设和技术创新的发展",
      actual:
        "以线上线下相结合方式“不间断、常态化”开展研讨交流，形成高质量的咨询建议和报告切实解决企业发展和城市治理中的难题。",
      weight: 30,
      printed: "29.7",
      expect: "qualitative",
    },
    {
      level2: "服务对象满意度",
      level3: "各研讨项目实施单位满意度",
      target: "不低于95%",
      actual: "100%满意度",
      weight: 10,
      printed: "10",
      expect: "scored",
    },
  ],
  // The form prints no 总分 row.
});

describeForm({
  seed: SEED002,
  name: "信息化运维费",
  policy: national,
  budget: 146,
  executed: 145.4,
  rate: "99.59%",
  score: "10",
  rows: [
    { level2: "数量指标", level3: "硬件维护数量", target: 30, actual: 30, weight: 5, printed: "5", expect: "scored" },
    {
      level2: "数量指标",
      level3: "软件维护数量",
      target: "11\u3000",
      actual: 11,
      weight: 5,
      printed: "5",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "系统正常运行率",
      target: "≥98%",
      actual: "≥97%",
      weight: 10,
      printed: "9.5",
      disagree: { rule: "9.9", why: "10 × 97%/98% = 9.898" },
    },
    {
      level2: "质量指标",
      level3: "故障响应率",
      target: "100%",
      actual: "100%",
      weight: 5,
      printed: "5",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "故障排除率",
      target: "100%",
      actual: "99%",
      weight: 5,
      printed: "4.5",
      disagree: { rule: "4.95", why: "5 × 99%/100%" },
    },
    {
      level2: "时效指标",
      level3: "验收时间",
      target: " 12月底前",
      actual: "12月底",
      weight: 5,
      printed: "5",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "系统故障修复响应时间",
      target: " ≤1小时",
      actual: "≤1小时",
      weight: 5,
      printed: "5",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "系统运行维护响应时间",
      target: " ≤20分钟钟",
      actual: "≤20分钟",
      weight: 5,
      printed: "5",
      expect: "scored",
    },
    {
      level2: "成本指标",
      level3: "项目预算控制数",
      target: "146",
      actual: "145.4",
      weight: 5,
      printed: "5",
      expect: "scored",
    },
    {
      level2: "社会效益指标",
      level3: "网站社会影响力",
      target: "得到提升",
      actual: "得到提升",
      weight: 15,
      printed: "14",
      band: [12, 15],
    },
    {
      level2: "服务对象满意度",
      level3: "使用人员满意度",
      target: " ≥95%",
      actual: " ≥95%",
      weight: 25,
      printed: "24.5",
      disagree: { rule: "25", why: MET_FULL },
    },
  ],
  total: "97.5",
  totalDisagree: { rule: "98.81", why: "执行率得分 9.96, 运行率 9.9, 排除率 4.95, 满意度 25" },
});

describeForm({
  seed: SEED002,
  name: "外国人来华工作许可事项经费",
  policy: national,
  budget: 19.8,
  executed: 19.8,
  rate: "100",
  rateFigure: true,
  score: "10",
  rows: [
    {
      level2: "数量指标",
      level3: "采买证件数量",
      target: "≥10000张",
      actual: "≥10000张",
      weight: 20,
      printed: "20",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "与政策规定相符性",
      target: "≥99%",
      actual: "≥99%",
      weight: 20,
      printed: "20",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "第三季度前",
      target: "第三季度前",
      actual: "第四季度",
      weight: 20,
      printed: "18",
      band: [0, 12],
      disagree: {
        rule: "0–12",
        why: "done 第四季度 against 第三季度前: a missed deadline (dates compared), the 未达成 band [0,60%) of 20; printed 18",
      },
    },
    {
      level2: "成本指标",
      level3: "预算控制数",
      target: "19.8万元",
      actual: "19.8万元",
      weight: 10,
      printed: "10",
      expect: "scored",
    },
    {
      level2: "服务对象满意度",
      level3: "办理工作许可申请人满意度",
      target: "≥75%",
      actual: "≥75%",
      weight: 20,
      printed: "19",
      disagree: { rule: "20", why: MET_FULL },
    },
  ],
  total: "97",
  totalDisagree: { rule: "98", why: "满意度 20 instead of the printed 19" },
});

// ───────────────────────── seed 003 (包头, spend-ratio) ─────────────────────────
describeForm({
  seed: SEED003,
  name: "流动人才集体户管理服务经费",
  policy: spendRatio,
  budget: 9,
  executed: 9,
  rate: "100%",
  score: "10",
  rows: [
    {
      level2: "数量指标",
      level3: "户籍档案电子化数量",
      target: "≥3000",
      actual: 3225,
      weight: 15,
      printed: "15",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "户籍档案电子化率",
      target: "≥90%",
      actual: "100%",
      weight: 8,
      printed: "8",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "户籍档案集体落户办结率",
      target: "≥90%",
      actual: "100%",
      weight: 7,
      printed: "7",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "档案户籍集体落户及时率",
      target: "≥90%",
      actual: "100%",
      weight: 5,
      printed: "5",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "户籍档案电子服务时间",
      target: "全年",
      actual: "全年",
      weight: 5,
      printed: "5",
      band: [4, 5],
    },
    {
      level2: "成本指标",
      level3: "户籍电子化服务成本",
      target: "≤9万元",
      actual: "9万元",
      weight: 10,
      printed: "10",
      expect: "scored",
    },
    {
      level2: "社会效益指标",
      level3: "为来包创业人才提供便利",
      target: "显著",
      actual: "显著",
      weight: 15,
      printed: "15",
      band: [12, 15],
    },
    {
      level2: "可持续影响指标",
      level3: "保障人才落户的可持续性",
      target: "长期",
      actual: "长期",
      weight: 15,
      printed: "15",
      band: [12, 15],
    },
    {
      level2: "服务对象满意度指标",
      level3: "办理落户手续等人员满意度",
      target: "≥95%",
      actual: "90%",
      weight: 10,
      printed: "9",
      expect: "scored",
    },
  ],
  total: "99",
});

describeForm({
  seed: SEED003,
  name: "流动人员档案管理经费",
  policy: spendRatio,
  budget: 70,
  executed: 54.91,
  rate: "78%",
  score: "7.8",
  rows: [
    {
      level2: "数量指标",
      level3: "档案机要邮寄数量",
      target: "≥800",
      actual: 832,
      weight: 7,
      printed: "7",
      expect: "scored",
    },
    {
      level2: "数量指标",
      level3: "档案电子化数量",
      target: "≥20000",
      actual: 22580,
      weight: 8,
      printed: "8",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "档案机要邮寄合格率",
      target: "100%",
      actual: "100%",
      weight: 7,
      printed: "7",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "流动人员档案电子化合格率",
      target: "100%",
      actual: "100.00%",
      weight: 8,
      printed: "8",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "档案机要邮寄工作时间",
      target: "全年",
      actual: "全年",
      weight: 3,
      printed: "3",
      band: [2.4, 3],
    },
    {
      level2: "时效指标",
      level3: "流动人员档案电子化服务时间",
      target: "全年",
      actual: "全年",
      weight: 5,
      printed: "5",
      band: [4, 5],
    },
    {
      level2: "时效指标",
      level3: "流动人员档案相关运行服务时间",
      target: "全年",
      actual: "全年",
      weight: 2,
      printed: "2",
      band: [1.6, 2],
    },
    {
      level2: "成本指标",
      level3: "档案机要邮寄费用",
      target: "≤4万元",
      actual: "2.52万元",
      weight: 3,
      printed: "1.9",
      expect: "scored",
    },
    {
      level2: "成本指标",
      level3: "流动人员档案电子化使用、维护费用",
      target: "≤63万元",
      actual: "51.25万元",
      weight: 5,
      printed: "4.1",
      expect: "scored",
    },
    {
      level2: "成本指标",
      level3: "流动人员档案相关运行服务费",
      target: "≤3万元",
      actual: "1.14万元",
      weight: 2,
      printed: "0.8",
      expect: "scored",
    },
    {
      level2: "社会效益指标",
      level3: "流动人员档案服务提供便利",
      target: "显著",
      actual: "显著",
      weight: 15,
      printed: "15",
      band: [12, 15],
    },
    {
      level2: "可持续影响指标",
      level3: "保障单位正常运转可持续性",
      target: "长期",
      actual: "长期",
      weight: 15,
      printed: "15",
      band: [12, 15],
    },
    {
      level2: "服务对象满意度指标",
      level3: "办理人员满意度",
      target: "≥95%",
      actual: "95%",
      weight: 10,
      printed: "10",
      expect: "scored",
    },
  ],
  total: "94.6",
});

describeForm({
  seed: SEED003,
  name: "人才市场运行经费",
  policy: spendRatio,
  budget: 30,
  executed: 30,
  rate: "100%",
  score: "10",
  rows: [
    {
      level2: "数量指标",
      level3: "采购物业服务",
      target: "1项",
      actual: "1项",
      weight: 5,
      printed: "5",
      expect: "scored",
    },
    {
      level2: "数量指标",
      level3: "物业服务面积",
      target: "7201平方米",
      actual: "7201平方米",
      weight: 10,
      printed: "10",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "物业服务达标率",
      target: "≥90%",
      actual: "95%",
      weight: 15,
      printed: "15",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "物业服务时间",
      target: "全年",
      actual: "全年",
      weight: 10,
      printed: "10",
      band: [8, 10],
    },
    {
      level2: "成本指标",
      level3: "物业服务成本",
      target: "≤31.84万元",
      actual: "31.84万元",
      weight: 10,
      printed: "9.4",
      disagree: { rule: "10", why: "spend-ratio 31.84/31.84 × 10; the form docked 0.6 for overspending elsewhere" },
    },
    {
      level2: "社会效益指标",
      level3: "保障公共人力资源服务正常运转",
      target: "显著",
      actual: "显著",
      weight: 15,
      printed: "14.3",
      band: [12, 15],
    },
    {
      level2: "可持续影响指标",
      level3: "保障人才交流大厅干净整洁可持续性",
      target: "长期",
      actual: "长期",
      weight: 15,
      printed: "15",
      band: [12, 15],
    },
    {
      level2: "服务对象满意度指标",
      level3: "用人单位和求职者满意度",
      target: "≥90%",
      actual: "95%",
      weight: 10,
      printed: "9",
      disagree: { rule: "10", why: "95% ≥ 90% is met: full weight" },
    },
  ],
  total: "97.7",
  totalDisagree: { rule: "99.3", why: "成本 10 and 满意度 10 instead of the printed 9.4 and 9" },
});

describeForm({
  seed: SEED003,
  name: "人才工作服务经费",
  policy: spendRatio,
  budget: 100,
  executed: 22.38,
  rate: "22.38",
  rateFigure: true,
  score: "2.2",
  rows: [
    {
      level2: "数量指标",
      level3: "受理窗口咨询及接听热线电话",
      target: "≥600 次",
      actual: "700 余人次",
      weight: 8,
      printed: "8",
      expect: "scored",
    },
    {
      level2: "数量指标",
      level3: "高层次人才组织文体及保健",
      target: "≥400 人次",
      actual: "490 余人次",
      weight: 7,
      printed: "7",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "受理高层次人才申请精准率",
      target: "≥100%",
      actual: "100%",
      weight: 15,
      printed: "15",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "服务高层次人才时间",
      target: "全年",
      actual: "全年",
      weight: 10,
      printed: "10",
      band: [8, 10],
    },
    {
      level2: "成本指标",
      level3: "高层次人才服务系统增项",
      target: "21.45 万元",
      actual: "12 万",
      weight: 2,
      printed: "5.6",
      disagree: { rule: "1.12", why: "printed 5.6 exceeds its weight 2; spend-ratio 2 × 12/21.45 = 1.1189" },
    },
    {
      level2: "成本指标",
      level3: "人才网服务维护费及相关运转费用",
      target: "22.72 万元",
      actual: "10.38 万元",
      weight: 3,
      printed: "1.4",
      expect: "scored",
    },
    {
      level2: "成本指标",
      level3: "保障能力建设经费",
      target: "55.83 万元",
      actual: "0 万元",
      weight: 5,
      printed: "0",
      expect: "scored",
    },
    {
      level2: "社会效益指标",
      level3: "推进和落实高层次人才服务相关政策",
      target: "显著",
      actual: "显著",
      weight: 15,
      printed: "14",
      band: [12, 15],
    },
    {
      level2: "可持续影响指标",
      level3: "持续推动我市人才发展",
      target: "长期",
      actual: "长期",
      weight: 15,
      printed: "15",
      band: [12, 15],
    },
    // 完成值 blank: the rule cannot score it; the printed 10 is carried into the total.
    {
      level2: "服务对象满意度指标",
      level3: "高层次人才满意度",
      target: "≥90%",
      actual: null,
      weight: 10,
      printed: "10",
      expect: "unreadable",
    },
  ],
  total: "88.2",
  totalDisagree: {
    rule: "83.73",
    why: "printed total counts 5.6 for the weight-2 成本 row; rule 1.12, 执行率得分 2.24",
  },
});

describeForm({
  seed: SEED003,
  name: "就业创业专项资金",
  policy: spendRatio,
  budget: 108.44,
  executed: 94.82,
  rate: "87.44%",
  score: "8.7",
  rows: [
    {
      level2: "数量指标",
      level3: "举办招聘会",
      target: "≥60 次",
      actual: 62,
      weight: 7,
      printed: "7",
      expect: "scored",
    },
    {
      level2: "数量指标",
      level3: "为各类企业提供了人才交流服务",
      target: "≥4000 家 (次)",
      actual: 4075,
      weight: 8,
      printed: "8",
      expect: "scored",
    },
    {
      level2: "质量指标",
      level3: "完成线上线下招聘会合格率",
      target: "≥100%",
      actual: "100%",
      weight: 15,
      printed: "15",
      expect: "scored",
    },
    {
      level2: "时效指标",
      level3: "完成线上线下招聘会及时率",
      target: "≥100%",
      actual: "100%",
      weight: 10,
      printed: "10",
      expect: "scored",
    },
    {
      level2: "成本指标",
      level3: "宣传费",
      target: "13 万元",
      actual: "12.83 万元",
      weight: 2,
      printed: "1.9",
      disagree: { rule: "1.97", why: "2 × 12.83/13 = 1.9738; 2.0 at 1 decimal" },
    },
    {
      level2: "成本指标",
      level3: "招聘活动费用",
      target: "73.6 万元",
      actual: "64.36 万元",
      weight: 6,
      printed: "5.2",
      expect: "scored",
    },
    {
      level2: "成本指标",
      level3: "保障运行经费",
      target: "21.84 万 元",
      actual: "17.63 万元",
      weight: 2,
      printed: "1.6",
      expect: "scored",
    },
    {
      level2: "社会效益指标",
      level3: "贴近我市重点产业、行业制订针对性的招聘服务机制",
      target: "显著",
      actual: "显著",
      weight: 7,
      printed: "7",
      band: [5.6, 7],
    },
    {
      level2: "社会效益指标",
      level3: "为高校毕业生等急需解决就业的人才服务",
      target: "显著",
      actual: "显著",
      weight: 8,
      printed: "8",
      band: [6.4, 8],
    },
    {
      level2: "可持续影响指标",
      level3: "企业及求职者需求,提供个性化、专业化的精准招聘服务",
      target: "长期",
      actual: "长期",
      weight: 15,
      printed: "15",
      band: [12, 15],
    },
    {
      level2: "服务对象满意度指标",
      level3: "企业及求职者的满意度",
      target: "≥90%",
      actual: "95%",
      weight: 10,
      printed: "10",
      expect: "scored",
    },
  ],
  total: "97.4",
  totalDisagree: { rule: "97.57", why: "宣传费 1.97 and 执行率得分 8.74; 97.6 at 1 decimal" },
});

describe(`${SEED003} under the national policy instead (why seed 003 needs spend-ratio)`, () => {
  it("流动人员档案管理经费 成本 档案机要邮寄费用 (≤4万元 vs 2.52万元, 分值 3): national scores full 3, the printed 1.9 is the spend ratio", () => {
    const r = indicatorScore(
      { target: readValue("≤4万元"), actual: readValue("2.52万元"), weight: new Decimal(3), level2: "成本指标" },
      national,
    );
    expect(r.status).toBe("scored");
    if (r.status !== "scored") return;
    expect(r.value.eq(3)).toBe(true);
    expect(agreesAtPrecision(new Decimal("1.9"), r.exact, 1, "half-up")).toBe(false);
  });
});

describe("rounding of printed figures (财预〔2020〕10号 precision; 服务大厅项目经费 9.9 vs 9.971)", () => {
  it(`${SEED002} 服务大厅项目经费 得分 9.9 agrees with 9.971 only when truncated`, () => {
    const r = execRate(423.9, 422.67)!;
    const s = budgetScore(r.exact, national);
    expect(agreesAtPrecision(new Decimal("9.9"), s.exact, 1, "truncate")).toBe(true);
    expect(agreesAtPrecision(new Decimal("9.9"), s.exact, 1, "half-up")).toBe(false);
    expect(roundTo(s.exact, 1, "half-up").eq(10)).toBe(true);
  });
});
