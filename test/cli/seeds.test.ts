/**
 * perf-check on the seed fixtures (samples/, described in samples/README.md): every finding
 * code the seeds contain is found at its cell with its figures, the consistent forms have no
 * finding at all, the JSON values are exact decimal strings, and the exit status follows the
 * spec (0 no error finding, 1 an error finding, 2 a file unreadable — the others still checked).
 */
import { promises as fs } from "fs";
import path from "path";
import {
  codesAt,
  fileEntry,
  formOf,
  JDoc,
  JForm,
  makeTempDir,
  removeDir,
  runCli,
  runJson,
  SEED000,
  SEED002,
  SEED003,
  writeTruncated,
} from "../helpers/xlsx-builders";

function finding(form: JForm, code: string, cell: string) {
  const hits = form.findings.filter((f) => f.code === code && f.cell === cell);
  if (hits.length !== 1)
    throw new Error(`${form.sheet}!${form.range}: expected one ${code} at ${cell}, got [${codesAt(form).join(", ")}]`);
  return hits[0];
}

describe("seed002 (北京海外学人中心) under the default national policy", () => {
  let doc: JDoc;
  let code: number;
  beforeAll(async () => {
    const run = await runJson([SEED002]);
    doc = run.doc;
    code = run.code;
  });

  test("ten forms: two score tables, eight project forms, four of them stacked on 项目5-8", () => {
    const forms = fileEntry(doc, SEED002).forms;
    expect(forms.map((f) => `${f.sheet}!${f.range} ${f.kind}`)).toEqual([
      "部门整体评价!A1:G22 score-table",
      "特聘岗位评分表!A1:G21 score-table",
      "项目1!A1:I20 project",
      "项目2!A1:I20 project",
      "项目3!A1:I19 project",
      "项目4!A1:I20 project",
      "项目5-8!A1:I19 project",
      "项目5-8!A23:I41 project",
      "项目5-8!A45:I69 project",
      "项目5-8!A73:I91 project",
    ]);
  });

  test("FUNDS_BREAKDOWN at 项目5-8!E80 (外国人来华工作许可事项经费: 其中 row's 全年执行数 blank, total 19.8)", () => {
    const f = finding(formOf(doc, "项目5-8", "外国人来华"), "FUNDS_BREAKDOWN", "E80");
    expect(f).toMatchObject({ severity: "error", sheet: "项目5-8", expected: "19.8", found: "0" });
  });

  test("BUDGET_SCORE_MISMATCH at 项目4!H7: stated 5.8, rule 10 × 58.53% = 5.853 → 5.85, 5.9 at the stated one decimal (both shown)", () => {
    const form = formOf(doc, "项目4");
    expect(form.funds?.rate).toMatch(/^0\.5853/);
    expect(form.funds?.score).toBe("5.85");
    expect(form.funds?.statedScore).toBe("5.8");
    const f = finding(form, "BUDGET_SCORE_MISMATCH", "H7");
    expect(f).toMatchObject({ severity: "warning", expected: "5.85", found: "5.8" });
    expect(f.message).toBe("预算执行率得分 5.8 ≠ 5.85（10 × 58.53% = 5.85；保留 1 位小数为 5.9）");
  });

  test("BUDGET_SCORE_MISMATCH at 项目5-8!H7: stated 9.9, rule 10 × 99.71% = 9.971 → 9.97, 10.0 at the stated one decimal", () => {
    const form = formOf(doc, "项目5-8", "A1:I19");
    expect(form.funds?.rate).toMatch(/^0\.9970/);
    expect(form.funds?.score).toBe("9.97");
    const f = finding(form, "BUDGET_SCORE_MISMATCH", "H7");
    expect(f).toMatchObject({ severity: "warning", expected: "9.97", found: "9.9" });
    expect(f.message).toContain("；保留 1 位小数为 10.0）");
  });

  test("MISSING_TOTAL on the 中工会 form (项目5-8!A23:I41): no 总分 row, flagged where it would go; computed total still given", () => {
    const form = formOf(doc, "项目5-8", "A23:I41");
    expect(form.name).toContain("中工会");
    const f = form.findings.filter((x) => x.code === "MISSING_TOTAL");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", cell: "H42" });
    expect(form.total.stated).toBeUndefined();
    expect(form.total.computed).toBe("95.8");
    // The other stacked forms have their total row.
    for (const r of ["A1:I19", "A45:I69", "A73:I91"])
      expect(formOf(doc, "项目5-8", r).findings.map((x) => x.code)).not.toContain("MISSING_TOTAL");
  });

  test("QUALITATIVE_BAND at 项目1!H17 (促进产业竞争力水平: 得到提升 = met, 8–10, stated 7)", () => {
    expect(finding(formOf(doc, "项目1"), "QUALITATIVE_BAND", "H17")).toMatchObject({
      severity: "warning",
      expected: "8–10",
      found: "7",
    });
  });

  test("MISSING_REASON rows: 项目4!I15 (13/15), I17, I18, I19; 项目2!I17; 中工会 I36–I40", () => {
    expect(finding(formOf(doc, "项目4"), "MISSING_REASON", "I15")).toMatchObject({ severity: "warning", found: "13" });
    for (const c of ["I17", "I18", "I19"]) finding(formOf(doc, "项目4"), "MISSING_REASON", c);
    finding(formOf(doc, "项目2"), "MISSING_REASON", "I17");
    for (const c of ["I36", "I37", "I38", "I39", "I40"])
      finding(formOf(doc, "项目5-8", "A23:I41"), "MISSING_REASON", c);
    // A row with a reason written (项目1!I12, 12/15 with 部分项目暂不符合扶持条件) wants none.
    expect(codesAt(formOf(doc, "项目1"))).not.toContain("MISSING_REASON@I12");
  });

  test("no finding on 部门整体评价 (95.47) and 特聘岗位评分表 (98.6)", () => {
    const dept = formOf(doc, "部门整体评价");
    const post = formOf(doc, "特聘岗位评分表");
    expect(codesAt(dept)).toEqual([]);
    expect(codesAt(post)).toEqual([]);
    // Score tables state no targets: the review keeps each stated score (none above its weight here).
    expect(dept.total).toEqual({ stated: "95.47", computed: "95.47", review: "95.47" });
    expect(post.total).toEqual({ stated: "98.6", computed: "98.6", review: "98.6" });
    expect(dept.grade.computed).toBe("优");
  });

  test("no code the seed does not contain: no TOTAL_MISMATCH, WEIGHT_SUM, EXECRATE_MISMATCH, GRADE_MISMATCH, SCORE_EXCEEDS_WEIGHT, UNREADABLE_VALUE", () => {
    const codes = new Set(fileEntry(doc, SEED002).forms.flatMap((f) => f.findings.map((x) => x.code)));
    for (const c of [
      "TOTAL_MISMATCH",
      "WEIGHT_SUM",
      "EXECRATE_MISMATCH",
      "GRADE_MISMATCH",
      "SCORE_EXCEEDS_WEIGHT",
      "UNREADABLE_VALUE",
      "OVER_EXECUTION",
      "MISSING_ACTUAL",
    ]) {
      expect(codes.has(c)).toBe(false);
    }
  });

  test("every stated total equals the sum of the stated scores (computed total as the author adds)", () => {
    for (const form of fileEntry(doc, SEED002).forms)
      if (form.total.stated !== undefined) expect(form.total.computed).toBe(form.total.stated);
  });

  test("exit status 1: FUNDS_BREAKDOWN is an error finding", () => {
    expect(code).toBe(1);
  });
});

describe("seed003 (包头) under --policy spend-ratio", () => {
  let doc: JDoc;
  let code: number;
  beforeAll(async () => {
    const run = await runJson(["--policy", "spend-ratio", SEED003]);
    doc = run.doc;
    code = run.code;
  });

  test("SCORE_EXCEEDS_WEIGHT at 人才工作服务经费!H16 (5.6 > 2)", () => {
    expect(finding(formOf(doc, "人才工作服务经费"), "SCORE_EXCEEDS_WEIGHT", "H16")).toMatchObject({
      severity: "error",
      expected: "2",
      found: "5.6",
    });
  });

  test("MISSING_ACTUAL at 人才工作服务经费!F21 (满意度 scored 10, 实际完成值 blank)", () => {
    expect(finding(formOf(doc, "人才工作服务经费"), "MISSING_ACTUAL", "F21")).toMatchObject({
      severity: "error",
      found: "10",
    });
  });

  test("MISSING_REASON at 人才工作服务经费!I19 (14/15, reason blank)", () => {
    expect(finding(formOf(doc, "人才工作服务经费"), "MISSING_REASON", "I19")).toMatchObject({
      severity: "warning",
      found: "14",
    });
  });

  test("人才工作服务经费 has exactly those three findings, and the review pack's note on its target 显著", () => {
    expect(codesAt(formOf(doc, "人才工作服务经费"))).toEqual([
      "MISSING_ACTUAL@F21",
      "MISSING_REASON@I19",
      "SCORE_EXCEEDS_WEIGHT@H16",
      // 财预〔2021〕101号: an effect target is measurable; "显著" alone is a word of degree.
      "VAGUE_EFFECT_TARGET@E19",
    ]);
  });

  test("INDICATOR_SCORE_MISMATCH at 就业创业专项资金!H16 (1.9 vs 2 × 12.83/13 = 1.97, 2.0 at the stated one decimal)", () => {
    const form = formOf(doc, "就业创业专项资金");
    const f = finding(form, "INDICATOR_SCORE_MISMATCH", "H16");
    expect(f).toMatchObject({ severity: "warning", expected: "1.97", found: "1.9" });
    expect(f.message).toBe("得分 1.9 ≠ 按规则计算的 1.97（2 × 12.83/13 = 1.9738 → 1.97；保留 1 位小数为 2.0）");
    const ind = form.indicators.find((i) => i.cell === "H16");
    expect(ind?.computed).toBe("1.97");
  });

  test("no arithmetic finding on 流动人才集体户管理服务经费 (99); the review pack notes its effect target 显著", () => {
    const form = formOf(doc, "流动人才集体户管理服务经费");
    expect(codesAt(form)).toEqual(["VAGUE_EFFECT_TARGET@E18"]);
    // Review (spend-ratio): budget 10 + 15 + 8 + 7 + 5 + 5 + 10 + 15 + 15 + H20 10 × 90%/95% = 9.47 → 99.47;
    // the stated 9 on H20 agrees with 9.47 in whole points, so no finding, but the review keeps 9.47.
    expect(form.total).toEqual({ stated: "99", computed: "99", review: "99.47" });
    expect(form.grade.computed).toBe("优");
  });

  test("the spend-ratio policy clears 流动人员档案管理经费's cost rows (flagged under national)", async () => {
    expect(codesAt(formOf(doc, "流动人员档案管理经费"))).toEqual(["VAGUE_EFFECT_TARGET@E22"]);
    const national = await runJson([SEED003]);
    expect(codesAt(formOf(national.doc, "流动人员档案管理经费"))).toEqual([
      "INDICATOR_SCORE_MISMATCH@H19",
      "INDICATOR_SCORE_MISMATCH@H20",
      "INDICATOR_SCORE_MISMATCH@H21",
      "VAGUE_EFFECT_TARGET@E22",
    ]);
  });

  test("grades: 人才工作服务经费 88.2 良, the others 优", () => {
    const grades = fileEntry(doc, SEED003).forms.map((f) => `${f.sheet}:${f.total.stated}:${f.grade.computed}`);
    expect(grades).toEqual([
      "流动人才集体户管理服务经费:99:优",
      "流动人员档案管理经费:94.6:优",
      "人才市场运行经费:97.7:优",
      "人才工作服务经费:88.2:良",
      "就业创业专项资金:97.4:优",
    ]);
  });

  test("exit status 1 (SCORE_EXCEEDS_WEIGHT, MISSING_ACTUAL are errors)", () => {
    expect(code).toBe(1);
  });
});

describe("seed000 (北京市科委 人才交流中心): consistent", () => {
  test("JSON values: rate 0.3709…, score 3.71, total 84.57/84.57, grade 良, no arithmetic finding, exit 0", async () => {
    const { doc, code } = await runJson([SEED000]);
    const form = formOf(doc, "自评表");
    expect(form.range).toBe("A1:I24");
    expect(form.kind).toBe("project");
    expect(form.name).toBe("2021年北京市科学技术委员会人才交流中心创新创业人才积分落户工作项目");
    expect(form.funds).toMatchObject({
      budget: "53.861",
      executed: "19.978525",
      score: "3.71",
      statedRate: "0.3709",
      statedScore: "3.71",
    });
    expect(form.funds?.rate).toMatch(/^0\.3709274799948/);
    // Review by hand: 3.71 (10 × 37.09%) + 0.26 + 5.6 + 5 + 5 + 5 + 6 + 4 + 10 + 30 + 10 (the qualitative rows'
    // stated scores lie in their bands) = 84.57.
    expect(form.total).toEqual({ stated: "84.57", computed: "84.57", review: "84.57" });
    expect(form.grade).toEqual({ computed: "良", review: "良" });
    expect(form.scored).toBe(true);
    // The review pack's two warnings: 37.09% under 90% with no reason about the funds (四川 forms' rule),
    // and the effect target "积分落户管理办法进一步优化" (财预〔2021〕101号: measurable targets).
    expect(codesAt(form)).toEqual(["LOW_EXECUTION_NO_REASON@G7", "VAGUE_EFFECT_TARGET@E22"]);
    // 审核人数: 8 × 164/5000 = 0.2624 → 0.26 (G14/H14).
    expect(form.indicators.find((i) => i.cell === "H14")).toMatchObject({
      level1: "产出指标",
      level2: "数量指标",
      level3: "审核人数",
      weight: "8",
      stated: "0.26",
      computed: "0.26",
    });
    expect(code).toBe(0);
  });

  test("text output: one line per form with total and grade; exit 0", async () => {
    const run = await runCli([SEED000]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("自评表!A1:I24");
    expect(run.out).toContain("自评 84.57 良 / 复核 84.57 良 / 偏差 0  0E 2W 0I");
    expect(run.out.split("\n")[0]).toBe("规则集：national（全国通行（财预〔2020〕10号））；规则包：core、review");
    expect(run.err).toBe("");
  });
});

describe("exit status (spec: 0 / 1 / 2, other files still checked and reported)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir("exit");
  });
  afterAll(() => removeDir(dir));

  test("0 for seed000 alone", async () => {
    expect((await runCli([SEED000])).code).toBe(0);
  });

  test("1 for seed002, 1 for seed003 (national or spend-ratio)", async () => {
    expect((await runCli([SEED002])).code).toBe(1);
    expect((await runCli([SEED003])).code).toBe(1);
    expect((await runCli(["--policy", "spend-ratio", SEED003])).code).toBe(1);
  });

  test("2 with a missing file and a corrupt file mixed in; seed000 and seed002 still reported", async () => {
    const corrupt = await writeTruncated(SEED000, path.join(dir, "corrupt.xlsx"), 2000);
    const missing = path.join(dir, "no-such.xlsx");
    const { code, doc, err } = await runJson([SEED000, missing, corrupt, SEED002]);
    expect(code).toBe(2);
    expect(err).toBe("");
    expect(fileEntry(doc, missing).error).toBeTruthy();
    expect(fileEntry(doc, corrupt).error).toMatch(/损坏|corrupt/);
    expect(fileEntry(doc, SEED000).forms).toHaveLength(1);
    expect(fileEntry(doc, SEED002).forms).toHaveLength(10);
    expect(fileEntry(doc, SEED002).error).toBeUndefined();
    // Text mode: one line per unreadable file on stderr, the good files on stdout.
    const text = await runCli([SEED000, missing, corrupt, SEED002]);
    expect(text.code).toBe(2);
    const errLines = text.err.trim().split("\n");
    expect(errLines).toHaveLength(2);
    expect(errLines.some((l) => l.startsWith(`${missing}: `))).toBe(true);
    expect(errLines.some((l) => l.startsWith(`${corrupt}: `))).toBe(true);
    expect(text.out).toContain("自评表!A1:I24");
    expect(text.out).toContain("项目5-8!A73:I91");
  });

  test("a folder is searched recursively; unreadable files in it make the status 2", async () => {
    const sub = path.join(dir, "tree", "a", "b");
    await fs.mkdir(sub, { recursive: true });
    await fs.copyFile(SEED000, path.join(sub, "seed000.xlsx"));
    await fs.writeFile(path.join(dir, "tree", "empty.xlsx"), "");
    await fs.writeFile(path.join(dir, "tree", "notes.txt"), "not a workbook, not .xlsx: ignored");
    const { code, doc } = await runJson([path.join(dir, "tree")]);
    expect(doc.files.map((f) => path.relative(path.join(dir, "tree"), f.file)).sort()).toEqual([
      path.join("a", "b", "seed000.xlsx"),
      "empty.xlsx",
    ]);
    expect(code).toBe(2);
  });

  test("2 for bad usage: unknown option, --lang fr, unknown policy, no PATH, no .xlsx in a folder", async () => {
    expect((await runCli(["--frobnicate", SEED000])).code).toBe(2);
    expect((await runCli(["--lang", "fr", SEED000])).code).toBe(2);
    const pol = await runCli(["--policy", "no-such-policy", SEED000]);
    expect(pol.code).toBe(2);
    expect(pol.err).toMatch(/no-such-policy/);
    expect((await runCli([])).code).toBe(2);
    const empty = path.join(dir, "nothing-here");
    await fs.mkdir(empty, { recursive: true });
    expect((await runCli([empty])).code).toBe(2);
  });

  test("--help exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("--write");
  });
});
