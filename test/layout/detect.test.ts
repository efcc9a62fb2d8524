/**
 * Layout detection on the fixture workbooks (samples/*.xlsx, described in samples/README.md,
 * transcribed from the seed texts in test/data/seeds) and on generated variants of them.
 *
 * 1. Every form of every fixture sheet is found with EVERY field at its address. The expectations
 *    below are explicit tables (row → cells, "name@cell", "cell=value [numFmt]") read off the
 *    workbooks; nothing is re-derived with the code under test.
 * 2. Variants a real template produces (issue: "What real templates do"): indicator columns in
 *    another order, header synonyms, an inserted 序号 / appended 备注 column, a start offset, merges
 *    removed (labels repeated or left blank), two and five forms stacked with and without blank rows.
 *    Detection must stay exact: the same fields at the correspondingly moved addresses (the tables
 *    are moved with the builders' AddressMap, test/helpers/grid-builders.ts).
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { worksheetToGrid } from "../helpers/exceljs-grid";
import type { FormModel, ProjectForm } from "../../src/engine/model";
import { detectForms } from "../../src/layout/detect";
import { Grid, parseAddress, parseRange } from "../../src/layout/grid";
import {
  AddressMap,
  CellModel,
  compose,
  cropRows,
  formView,
  FormView,
  insertColumn,
  mapView,
  offset,
  permuteColumns,
  ProjectView,
  renameHeaders,
  ScoreTableView,
  stack,
  unmerge,
} from "../helpers/grid-builders";

const SAMPLES = path.resolve(__dirname, "../../samples");

/**
 * What each sheet holds, form by form, top to bottom.
 * rows:   [row, level1@cell, level2@cell, level3@cell, target, actual, weight=value, score=value, reason]
 *         (a level name's cell is where it was read: a merge master or an earlier row; "@-" = inferred)
 * funds:  [row, label, total|part, initial, budget, executed, weight, rate, score]
 * groups: [level-1 name, stated weight, label cell, rows]
 * total:  [row, label cell, weight, score]; score tables: [row, label cell, level weights, score]
 * issues: "kind field@cell"
 */
// prettier-ignore
const EXPECTED: Record<string, Record<string, FormView[]>> = {
  "seed000-bj-kjw.xlsx": {
    // seed 000 (000_3d3ef83473f1539e.txt), sheet 自评表: one Beijing-style form. 项目名称 A3 → B3; funds header row 6
    // (C6 年初预算数 … H6 得分), 年度资金总额 B7 with 其中 rows 8–10; indicator header row 13; merged level-1 B14:B21
    // and level-2 C14:C15, C16:C18, C19:C20; 执行率 G7 = 0.3709 with format 0.00%; 总分 A24 (merged A24:F24).
    "自评表": [
      {
        kind: "project",
        range: "A1:I24",
        name: "2021年北京市科学技术委员会人才交流中心创新创业人才积分落户工作项目@B3",
        columns: { level1: "B13", level2: "C13", level3: "D13", target: "E13", actual: "F13", weight: "G13", score: "H13", reason: "I13" },
        rows: [
          [14, "产出指标@B14", "数量指标@C14", "审核人数@D14", "E14", "F14", "G14=8", "H14=0.26", "I14"],
          [15, "产出指标@B14", "数量指标@C14", "接听电话时长@D15", "E15", "F15", "G15=7", "H15=5.6", "I15"],
          [16, "产出指标@B14", "质量指标@C16", "为政策修订做好数据支撑@D16", "E16", "F16", "G16=5", "H16=5", "I16"],
          [17, "产出指标@B14", "质量指标@C16", "做好政策宣讲@D17", "E17", "F17", "G17=5", "H17=5", "I17"],
          [18, "产出指标@B14", "质量指标@C16", "加强工作人员培训@D18", "E18", "F18", "G18=5", "H18=5", "I18"],
          [19, "产出指标@B14", "时效指标@C19", "年度安排@D19", "E19", "F19", "G19=6", "H19=6", "I19"],
          [20, "产出指标@B14", "时效指标@C19", "审核进度@D20", "E20", "F20", "G20=4", "H20=4", "I20"],
          [21, "产出指标@B14", "成本指标@C21", "人力指标@D21", "E21", "F21", "G21=10", "H21=10", "I21"],
          [22, "效益指标@B22", "社会效益指标@C22", "政策修订并完善@D22", "E22", "F22", "G22=30", "H22=30", "I22"],
          [23, "满意度指标@B23", "服务对象满意度指标@C23", "社会满意度@D23", "E23", "F23", "G23=10", "H23=10", "I23"],
        ],
        groups: [
          ["产出指标", "", "B14", [14, 15, 16, 17, 18, 19, 20, 21]],
          ["效益指标", "", "B22", [22]],
          ["满意度指标", "", "B23", [23]],
        ],
        issues: [],
        fundsColumns: { initial: "C6", budget: "D6", executed: "E6", weight: "F6", rate: "G6", score: "H6" },
        funds: [
          [7, "年度资金总额", "total", "C7=53.861", "D7=53.861", "E7=19.978525", "F7=10", "G7=0.3709 [0.00%]", "H7=3.71"],
          [8, "其中:当年财政拨款", "part", "C8=53.861", "D8=53.861", "E8=19.978525", "F8=\"-\"", "G8=0.3709 [0.00%]", "H8=\"-\""],
          [9, "上年结转资金", "part", "C9", "D9", "E9", "F9", "G9", "H9"],
          [10, "其他资金", "part", "C10", "D10", "E10", "F10", "G10", "H10"],
        ],
        total: [24, "A24", "G24=100", "H24=84.57"],
      },
    ],
  },
  "seed002-bj-hwxr.xlsx": {
    // seed 002 (002_a0c86900c2b5e58b.txt), sheet 部门整体评价: 部门整体支出绩效评价指标体系, a 3-level score table.
    // Header A2 一级指标 / C2 二级指标 / E2 三级指标 (merged over 名称/分值 on row 3), G2:G3 得分; level-1 and level-2
    // names and weights merged (A4:A7, B4:B7, C4:C5 …); 总分 A22 with level weights B22, D22, F22 and score G22.
    "部门整体评价": [
      {
        kind: "score-table",
        range: "A1:G22",
        name: "北京海外学人中心2021年度部门整体支出绩效评价指标体系@A1",
        levelColumns: [["A3", "B3"], ["C3", "D3"], ["E3", "F3"]],
        score: "G",
        rows: [
          [4, "部门决策@A4", "B4=20", "预算编制@C4", "D4=10", "预算编制科学性、资金分配合理性@E4", "F4=5", "G4=5"],
          [5, "部门决策@A4", "B4=20", "预算编制@C4", "D4=10", "预算编制规范性@E5", "F5=5", "G5=5"],
          [6, "部门决策@A4", "B4=20", "目标设置@C6", "D6=10", "绩效目标完整性@E6", "F6=3", "G6=3"],
          [7, "部门决策@A4", "B4=20", "目标设置@C6", "D6=10", "绩效指标明确性@E7", "F7=7", "G7=6"],
          [8, "部门管理@A8", "B8=20", "资金管理@C8", "D8=8", "财务合规、安全性@E8", "F8=4", "G8=4"],
          [9, "部门管理@A8", "B8=20", "资金管理@C8", "D8=8", "预决算信息公开@E9", "F9=4", "G9=4"],
          [10, "部门管理@A8", "B8=20", "项目管理@C10", "D10=4", "项目实施程序@E10", "F10=2", "G10=2"],
          [11, "部门管理@A8", "B8=20", "项目管理@C10", "D10=4", "项目监管@E11", "F11=2", "G11=2"],
          [12, "部门管理@A8", "B8=20", "资产管理@C12", "D12=5", "资产管理安全性@E12", "F12=3", "G12=3"],
          [13, "部门管理@A8", "B8=20", "资产管理@C12", "D12=5", "固定资产利用率@E13", "F13=2", "G13=1.98"],
          [14, "部门管理@A8", "B8=20", "制度管理@C14", "D14=3", "管理制度健全性@E14", "F14=3", "G14=3"],
          [15, "部门绩效@A15", "B15=60", "经济性@C15", "D15=6", "公用经费控制率@E15", "F15=6", "G15=5.75"],
          [16, "部门绩效@A15", "B15=60", "效率性@C16", "D16=20", "预算执行率@E16", "F16=6", "G16=5.07"],
          [17, "部门绩效@A15", "B15=60", "效率性@C16", "D16=20", "重点工作完成情况@E17", "F17=8", "G17=8"],
          [18, "部门绩效@A15", "B15=60", "效率性@C16", "D16=20", "项目完成及时性@E18", "F18=6", "G18=5"],
          [19, "部门绩效@A15", "B15=60", "效果性@C19", "D19=25", "社会效益、经济效益、生态效益及可持续影响等@E19", "F19=25", "G19=23.87"],
          [20, "部门绩效@A15", "B15=60", "公平性@C20", "D20=9", "群众信访办理情况@E20", "F20=3", "G20=3"],
          [21, "部门绩效@A15", "B15=60", "公平性@C20", "D20=9", "公众或服务对象满意度@E21", "F21=6", "G21=5.8"],
        ],
        issues: [],
        total: [22, "A22", ["B22=100", "D22=100", "F22=100"], "G22=95.47"],
      },
    ],
    // seed 002, sheet 特聘岗位评分表: 特聘岗位项目绩效评价评分表, same layout; 效益 A19:A20 / 项目效益 C19:C20 merged; 总分 A21.
    "特聘岗位评分表": [
      {
        kind: "score-table",
        range: "A1:G21",
        name: "特聘岗位项目绩效评价评分表@A1",
        levelColumns: [["A3", "B3"], ["C3", "D3"], ["E3", "F3"]],
        score: "G",
        rows: [
          [4, "决策@A4", "B4=10", "项目立项@C4", "D4=3", "立项依据充分性@E4", "F4=1.5", "G4=1.5"],
          [5, "决策@A4", "B4=10", "项目立项@C4", "D4=3", "立项程序规范性@E5", "F5=1.5", "G5=1.5"],
          [6, "决策@A4", "B4=10", "绩效目标@C6", "D6=3", "绩效目标合理性@E6", "F6=1.5", "G6=1.3"],
          [7, "决策@A4", "B4=10", "绩效目标@C6", "D6=3", "绩效指标明确性@E7", "F7=1.5", "G7=1.4"],
          [8, "决策@A4", "B4=10", "资金投入@C8", "D8=4", "预算编制科学性@E8", "F8=2", "G8=2"],
          [9, "决策@A4", "B4=10", "资金投入@C8", "D8=4", "资金分配合理性@E9", "F9=2", "G9=2"],
          [10, "过程@A10", "B10=20", "资金管理@C10", "D10=12", "资金到位率@E10", "F10=4", "G10=4"],
          [11, "过程@A10", "B10=20", "资金管理@C10", "D10=12", "预算执行率@E11", "F11=4", "G11=3.9"],
          [12, "过程@A10", "B10=20", "资金管理@C10", "D10=12", "资金使用合规性@E12", "F12=4", "G12=4"],
          [13, "过程@A10", "B10=20", "组织实施@C13", "D13=8", "管理制度健全性@E13", "F13=4", "G13=4"],
          [14, "过程@A10", "B10=20", "组织实施@C13", "D13=8", "制度执行有效性@E14", "F14=4", "G14=4"],
          [15, "产出@A15", "B15=40", "产出数量@C15", "D15=10", "实际完成率@E15", "F15=10", "G15=10"],
          [16, "产出@A15", "B15=40", "产出质量@C16", "D16=10", "质量达标率@E16", "F16=10", "G16=10"],
          [17, "产出@A15", "B15=40", "产出时效@C17", "D17=10", "完成及时性@E17", "F17=10", "G17=10"],
          [18, "产出@A15", "B15=40", "产出成本@C18", "D18=10", "成本节约率@E18", "F18=10", "G18=9"],
          [19, "效益@A19", "B19=30", "项目效益@C19", "D19=30", "实施效益@E19", "F19=20", "G19=20"],
          [20, "效益@A19", "B19=30", "项目效益@C19", "D19=30", "满意度@E20", "F20=10", "G20=10"],
        ],
        issues: [],
        total: [21, "A21", ["B21=100", "D21=100", "F21=100"], "G21=98.6"],
      },
    ],
    // seed 002, sheet 项目1: 海创扶持资金; the funds block has no 上年结转/其他资金 rows (A6:A8); 总分 A20.
    "项目1": [
      {
        kind: "project",
        range: "A1:I20",
        name: "海创扶持资金@B3",
        columns: { level1: "B11", level2: "C11", level3: "D11", target: "E11", actual: "F11", weight: "G11", score: "H11", reason: "I11" },
        rows: [
          [12, "产出指标@B12", "数量指标@C12", "资助孵化海创数量@D12", "E12", "F12", "G12=15", "H12=12", "I12"],
          [13, "产出指标@B12", "质量指标@C13", "符合资助政策规定@D13", "E13", "F13", "G13=15", "H13=15", "I13"],
          [14, "产出指标@B12", "时效指标@C14", "完成项目评审@D14", "E14", "F14", "G14=10", "H14=10", "I14"],
          [15, "产出指标@B12", "成本指标@C15", "项目预算控制数@D15", "E15", "F15", "G15=10", "H15=5", "I15"],
          [16, "效益指标@B16", "社会效益指标@C16", "引领技术创新水平@D16", "E16", "F16", "G16=10", "H16=9", "I16"],
          [17, "效益指标@B16", "社会效益指标@C16", "促进产业竞争力水平@D17", "E17", "F17", "G17=10", "H17=7", "I17"],
          [18, "效益指标@B16", "社会效益指标@C16", "培育优质企业发展数量@D18", "E18", "F18", "G18=10", "H18=8", "I18"],
          [19, "满意度指标@B19", "服务对象满意度@C19", "资助企业满意度指标@D19", "E19", "F19", "G19=10", "H19=10", "I19"],
        ],
        groups: [
          ["产出指标", "", "B12", [12, 13, 14, 15]],
          ["效益指标", "", "B16", [16, 17, 18]],
          ["满意度指标", "", "B19", [19]],
        ],
        issues: [],
        fundsColumns: { initial: "C6", budget: "D6", executed: "E6", weight: "F6", rate: "G6", score: "H6" },
        funds: [
          [7, "年度资金总额", "total", "C7=2700", "D7=1300", "E7=1160", "F7=10", "G7=0.8923 [0.00%]", "H7=9"],
          [8, "其中:当年财政拨款", "part", "C8=2700", "D8=1300", "E8=1160", "F8=\"—\"", "G8", "H8=\"—\""],
        ],
        total: [20, "A20", "G20=100", "H20=85"],
      },
    ],
    // seed 002, sheet 项目2: 特聘岗位项目经费; 执行率 stored as the printed figure 98.32 (G7, no percent format).
    "项目2": [
      {
        kind: "project",
        range: "A1:I20",
        name: "特聘岗位项目经费@B3",
        columns: { level1: "B13", level2: "C13", level3: "D13", target: "E13", actual: "F13", weight: "G13", score: "H13", reason: "I13" },
        rows: [
          [14, "产出指标@B14", "数量指标@C14", "服务特聘岗位数量@D14", "E14", "F14", "G14=10", "H14=10", "I14"],
          [15, "产出指标@B14", "质量指标@C15", "按年度服务内容和考核指标完成工作任务@D15", "E15", "F15", "G15=20", "H15=20", "I15"],
          [16, "产出指标@B14", "时效指标@C16", "完成考核、服务的进度@D16", "E16", "F16", "G16=10", "H16=10", "I16"],
          [17, "产出指标@B14", "成本指标@C17", "项目预算控制数@D17", "E17", "F17", "G17=10", "H17=9", "I17"],
          [18, "效益指标@B18", "社会效益指标@C18", "落实建设属地职责推动经济和社会效益; 发挥智囊作用政策规划和建言献策; 推动国际人才项目交流与合作@D18", "E18", "F18", "G18=20", "H18=20", "I18"],
          [19, "满意度指标@B19", "服务对象满意度@C19", "特聘岗位满意度指标@D19", "E19", "F19", "G19=20", "H19=20", "I19"],
        ],
        groups: [
          ["产出指标", "", "B14", [14, 15, 16, 17]],
          ["效益指标", "", "B18", [18]],
          ["满意度指标", "", "B19", [19]],
        ],
        issues: [],
        fundsColumns: { initial: "C6", budget: "D6", executed: "E6", weight: "F6", rate: "G6", score: "H6" },
        funds: [
          [7, "年度资金总额", "total", "C7=946.5", "D7=916.5", "E7=901.14", "F7=10", "G7=98.32", "H7=9.8"],
          [8, "其中:当年财政拨款", "part", "C8=946.5", "D8=916.5", "E8=901.14", "F8=\"—\"", "G8", "H8=\"—\""],
          [9, "上年结转资金", "part", "C9", "D9", "E9", "F9", "G9", "H9"],
          [10, "其他资金", "part", "C10", "D10", "E10", "F10", "G10", "H10"],
        ],
        total: [20, "A20", "G20=100", "H20=98.8"],
      },
    ],
    // seed 002, sheet 项目3: 办公场地租赁费; 执行率 G7 = 100 as printed; no 效益指标 group; 总分 A19.
    "项目3": [
      {
        kind: "project",
        range: "A1:I19",
        name: "北京海外学人中心办公场地租赁费@B3",
        columns: { level1: "B13", level2: "C13", level3: "D13", target: "E13", actual: "F13", weight: "G13", score: "H13", reason: "I13" },
        rows: [
          [14, "产出指标@B14", "数量指标@C14", "办公场地数量@D14", "E14", "F14", "G14=20", "H14=20", "I14"],
          [15, "产出指标@B14", "质量指标@C15", "正常运行率@D15", "E15", "F15", "G15=20", "H15=20", "I15"],
          [16, "产出指标@B14", "时效指标@C16", "运行维护响应时间@D16", "E16", "F16", "G16=20", "H16=20", "I16"],
          [17, "产出指标@B14", "成本指标@C17", "预算控制数@D17", "E17", "F17", "G17=20", "H17=17.5", "I17"],
          [18, "满意度指标@B18", "服务对象满意度@C18", "使用人员满意度@D18", "E18", "F18", "G18=10", "H18=9", "I18"],
        ],
        groups: [
          ["产出指标", "", "B14", [14, 15, 16, 17]],
          ["满意度指标", "", "B18", [18]],
        ],
        issues: [],
        fundsColumns: { initial: "C6", budget: "D6", executed: "E6", weight: "F6", rate: "G6", score: "H6" },
        funds: [
          [7, "年度资金总额", "total", "C7=906", "D7=796", "E7=796", "F7=10", "G7=100", "H7=10"],
          [8, "其中:当年财政拨款", "part", "C8=906", "D8=796", "E8=796", "F8=\"—\"", "G8", "H8=\"—\""],
          [9, "上年结转资金", "part", "C9", "D9", "E9", "F9", "G9", "H9"],
          [10, "其他资金", "part", "C10", "D10", "E10", "F10", "G10", "H10"],
        ],
        total: [19, "A19", "G19=100", "H19=96.5"],
      },
    ],
    // seed 002, sheet 项目4: 服务保障经费; level-2 效益指标 (C18) under level-1 效益指标.
    "项目4": [
      {
        kind: "project",
        range: "A1:I20",
        name: "北京海外学人服务保障经费@B3",
        columns: { level1: "B13", level2: "C13", level3: "D13", target: "E13", actual: "F13", weight: "G13", score: "H13", reason: "I13" },
        rows: [
          [14, "产出指标@B14", "数量指标@C14", "发现、吸引、凝聚相当数量人才来京发展；按照服务类型划分，向各类人才提供政务、生活和事业发展三个维度18大项专业服务。@D14", "E14", "F14", "G14=15", "H14=15", "I14"],
          [15, "产出指标@B14", "质量指标@C15", "提供符合首都城市战略定位国际化、高端化、专业化服务@D15", "E15", "F15", "G15=15", "H15=13", "I15"],
          [16, "产出指标@B14", "时效指标@C16", "符合年度规划@D16", "E16", "F16", "G16=10", "H16=10", "I16"],
          [17, "产出指标@B14", "成本指标@C17", "项目预算控制数@D17", "E17", "F17", "G17=10", "H17=4", "I17"],
          [18, "效益指标@B18", "效益指标@C18", "促进首都城市战略定位提供人才保障和智力支持，推动科技创新，引领企业发展得到提升。@D18", "E18", "F18", "G18=30", "H18=29", "I18"],
          [19, "满意度指标@B19", "服务对象满意度@C19", "服务的海外学人满意度@D19", "E19", "F19", "G19=10", "H19=9", "I19"],
        ],
        groups: [
          ["产出指标", "", "B14", [14, 15, 16, 17]],
          ["效益指标", "", "B18", [18]],
          ["满意度指标", "", "B19", [19]],
        ],
        issues: [],
        fundsColumns: { initial: "C6", budget: "D6", executed: "E6", weight: "F6", rate: "G6", score: "H6" },
        funds: [
          [7, "年度资金总额", "total", "C7=650", "D7=401.26", "E7=234.87", "F7=10", "G7=0.5853 [0.00%]", "H7=5.8"],
          [8, "其中:当年财政拨款", "part", "C8=650", "D8=401.26", "E8=234.87", "F8=\"—\"", "G8", "H8=\"—\""],
          [9, "上年结转资金", "part", "C9", "D9", "E9", "F9", "G9", "H9"],
          [10, "其他资金", "part", "C10", "D10", "E10", "F10", "G10", "H10"],
        ],
        total: [20, "A20", "G20=100", "H20=85.8"],
      },
    ],
    // seed 002, sheet 项目5-8: four forms stacked with three blank rows between: A1:I19, A23:I41 (中工会: no 总分 row —
    // reported missing), A45:I69, A73:I91.
    "项目5-8": [
      {
        kind: "project",
        range: "A1:I19",
        name: "北京海外学人中心服务大厅项目经费@B3",
        columns: { level1: "B13", level2: "C13", level3: "D13", target: "E13", actual: "F13", weight: "G13", score: "H13", reason: "I13" },
        rows: [
          [14, "产出指标@B14", "数量指标@C14", "办公套内面积@D14", "E14", "F14", "G14=20", "H14=20", "I14"],
          [15, "产出指标@B14", "质量指标@C15", "正常运行率@D15", "E15", "F15", "G15=20", "H15=20", "I15"],
          [16, "产出指标@B14", "时效指标@C16", "运行维护响应时间@D16", "E16", "F16", "G16=20", "H16=20", "I16"],
          [17, "产出指标@B14", "成本指标@C17", "项目预算控制数@D17", "E17", "F17", "G17=10", "H17=9.9", "I17"],
          [18, "满意度指标@B18", "服务对象满意度@C18", "使用人员满意度@D18", "E18", "F18", "G18=20", "H18=18", "I18"],
        ],
        groups: [
          ["产出指标", "", "B14", [14, 15, 16, 17]],
          ["满意度指标", "", "B18", [18]],
        ],
        issues: [],
        fundsColumns: { initial: "C6", budget: "D6", executed: "E6", weight: "F6", rate: "G6", score: "H6" },
        funds: [
          [7, "年度资金总额", "total", "C7=423.9", "D7=423.9", "E7=422.67", "F7=10", "G7=0.9971 [0.00%]", "H7=9.9"],
          [8, "其中:当年财政拨款", "part", "C8", "D8", "E8", "F8=\"—\"", "G8", "H8=\"—\""],
          [9, "上年结转资金", "part", "C9", "D9", "E9", "F9=\"—\"", "G9", "H9=\"—\""],
          [10, "其他资金", "part", "C10=423.9", "D10=423.9", "E10=422.67", "F10=\"—\"", "G10", "H10=\"—\""],
        ],
        total: [19, "A19", "G19=100", "H19=97.8"],
      },
      {
        kind: "project",
        range: "A23:I41",
        name: "“中工会”绿色城市专题研讨项目@B25",
        columns: { level1: "B35", level2: "C35", level3: "D35", target: "E35", actual: "F35", weight: "G35", score: "H35", reason: "I35" },
        rows: [
          [36, "产出指标@B36", "数量指标@C36", "阶段性成果报告12份；总结报告4份@D36", "E36", "F36", "G36=10", "H36=9.9", "I36"],
          [37, "产出指标@B36", "质量指标@C37", "1.城市信息化建设：促进数据共享，增强城市发展能力，提升服务水平，确保信息安全。2.水环境治理改善。3．城市垃圾分类管理能力提升。@D37", "E37", "F37", "G37=20", "H37=19.9", "I37"],
          [38, "产出指标@B36", "时效指标@C38", "研讨时间：10月－12月@D38", "E38", "F38", "G38=10", "H38=9.9", "I38"],
          [39, "产出指标@B36", "成本指标@C39", "项目成本控制在预算内@D39", "E39", "F39", "G39=10", "H39=7.5", "I39"],
          [40, "效益指标@B40", "生态效益指标@C40", "对改善城市信息、水环境、城市垃圾分类处理等方面的问题起到促进作用。@D40", "E40", "F40", "G40=30", "H40=29.7", "I40"],
          [41, "满意度指标@B41", "服务对象满意度@C41", "各研讨项目实施单位满意度@D41", "E41", "F41", "G41=10", "H41=10", "I41"],
        ],
        groups: [
          ["产出指标", "", "B36", [36, 37, 38, 39]],
          ["效益指标", "", "B40", [40]],
          ["满意度指标", "", "B41", [41]],
        ],
        issues: ["missing total.score@-"],
        fundsColumns: { initial: "C28", budget: "D28", executed: "E28", weight: "F28", rate: "G28", score: "H28" },
        funds: [
          [29, "年度资金总额", "total", "C29=279.833", "D29=237.04638", "E29=210.6", "F29=10", "G29=0.8884 [0.00%]", "H29=8.9"],
          [30, "其中:当年财政拨款", "part", "C30=279.833", "D30=237.04638", "E30=210.6", "F30=\"—\"", "G30", "H30=\"—\""],
          [31, "上年结转资金", "part", "C31", "D31", "E31", "F31", "G31", "H31"],
          [32, "其他资金", "part", "C32", "D32", "E32", "F32", "G32", "H32"],
        ],
      },
      {
        kind: "project",
        range: "A45:I69",
        name: "北京海外学人中心信息化运维费@B47",
        columns: { level1: "B57", level2: "C57", level3: "D57", target: "E57", actual: "F57", weight: "G57", score: "H57", reason: "I57" },
        rows: [
          [58, "产出指标@B58", "数量指标@C58", "硬件维护数量@D58", "E58", "F58", "G58=5", "H58=5", "I58"],
          [59, "产出指标@B58", "数量指标@C58", "软件维护数量@D59", "E59", "F59", "G59=5", "H59=5", "I59"],
          [60, "产出指标@B58", "质量指标@C60", "系统正常运行率@D60", "E60", "F60", "G60=10", "H60=9.5", "I60"],
          [61, "产出指标@B58", "质量指标@C60", "故障响应率@D61", "E61", "F61", "G61=5", "H61=5", "I61"],
          [62, "产出指标@B58", "质量指标@C60", "故障排除率@D62", "E62", "F62", "G62=5", "H62=4.5", "I62"],
          [63, "产出指标@B58", "时效指标@C63", "验收时间@D63", "E63", "F63", "G63=5", "H63=5", "I63"],
          [64, "产出指标@B58", "时效指标@C63", "系统故障修复响应时间@D64", "E64", "F64", "G64=5", "H64=5", "I64"],
          [65, "产出指标@B58", "时效指标@C63", "系统运行维护响应时间@D65", "E65", "F65", "G65=5", "H65=5", "I65"],
          [66, "产出指标@B58", "成本指标@C66", "项目预算控制数@D66", "E66", "F66", "G66=5", "H66=5", "I66"],
          [67, "效益指标@B67", "社会效益指标@C67", "网站社会影响力@D67", "E67", "F67", "G67=15", "H67=14", "I67"],
          [68, "满意度指标@B68", "服务对象满意度@C68", "使用人员满意度@D68", "E68", "F68", "G68=25", "H68=24.5", "I68"],
        ],
        groups: [
          ["产出指标", "", "B58", [58, 59, 60, 61, 62, 63, 64, 65, 66]],
          ["效益指标", "", "B67", [67]],
          ["满意度指标", "", "B68", [68]],
        ],
        issues: [],
        fundsColumns: { initial: "C50", budget: "D50", executed: "E50", weight: "F50", rate: "G50", score: "H50" },
        funds: [
          [51, "年度资金总额", "total", "C51=146", "D51=146", "E51=145.4", "F51=10", "G51=0.9959 [0.00%]", "H51=10"],
          [52, "其中:当年财政拨款", "part", "C52=146", "D52=146", "E52=145.4", "F52=\"—\"", "G52", "H52=\"—\""],
          [53, "上年结转资金", "part", "C53", "D53", "E53", "F53", "G53", "H53"],
          [54, "其他资金", "part", "C54", "D54", "E54", "F54", "G54", "H54"],
        ],
        total: [69, "A69", "G69=100", "H69=97.5"],
      },
      {
        kind: "project",
        range: "A73:I91",
        name: "外国人来华工作许可事项经费@B75",
        columns: { level1: "B85", level2: "C85", level3: "D85", target: "E85", actual: "F85", weight: "G85", score: "H85", reason: "I85" },
        rows: [
          [86, "产出指标@B86", "数量指标@C86", "采买证件数量@D86", "E86", "F86", "G86=20", "H86=20", "I86"],
          [87, "产出指标@B86", "质量指标@C87", "与政策规定相符性@D87", "E87", "F87", "G87=20", "H87=20", "I87"],
          [88, "产出指标@B86", "时效指标@C88", "第三季度前@D88", "E88", "F88", "G88=20", "H88=18", "I88"],
          [89, "产出指标@B86", "成本指标@C89", "预算控制数@D89", "E89", "F89", "G89=10", "H89=10", "I89"],
          [90, "满意度指标@B90", "服务对象满意度@C90", "办理工作许可申请人满意度@D90", "E90", "F90", "G90=20", "H90=19", "I90"],
        ],
        groups: [
          ["产出指标", "", "B86", [86, 87, 88, 89]],
          ["满意度指标", "", "B90", [90]],
        ],
        issues: [],
        fundsColumns: { initial: "C78", budget: "D78", executed: "E78", weight: "F78", rate: "G78", score: "H78" },
        funds: [
          [79, "年度资金总额", "total", "C79=19.8", "D79=19.8", "E79=19.8", "F79=10", "G79=100", "H79=10"],
          [80, "其中:当年财政拨款", "part", "C80=19.8", "D80=19.8", "E80", "F80=\"—\"", "G80", "H80=\"—\""],
          [81, "上年结转资金", "part", "C81", "D81", "E81", "F81", "G81", "H81"],
          [82, "其他资金", "part", "C82", "D82", "E82", "F82", "G82", "H82"],
        ],
        total: [91, "A91", "G91=100", "H91=97"],
      },
    ],
  },
  "seed003-bt-rcfw.xlsx": {
    // seed 003 (003_ce6f9e895fa8b19c.txt), Baotou-style: funds header row 5 with 年度总金额 B6; level-1 labels carry
    // their weight: B12 "产出指标 (50分)", B18 "效益指标 (30分)", B20 "满意度指标 (10分)"; reason header I11 未完成原因分析.
    "流动人才集体户管理服务经费": [
      {
        kind: "project",
        range: "A1:I21",
        name: "流动人才集体户管理服务经费@B3",
        columns: { level1: "B11", level2: "C11", level3: "D11", target: "E11", actual: "F11", weight: "G11", score: "H11", reason: "I11" },
        rows: [
          [12, "产出指标@B12", "数量指标@C12", "户籍档案电子化数量@D12", "E12", "F12", "G12=15", "H12=15", "I12"],
          [13, "产出指标@B12", "质量指标@C13", "户籍档案电子化率@D13", "E13", "F13", "G13=8", "H13=8", "I13"],
          [14, "产出指标@B12", "质量指标@C13", "户籍档案集体落户办结率@D14", "E14", "F14", "G14=7", "H14=7", "I14"],
          [15, "产出指标@B12", "质量指标@C13", "档案户籍集体落户及时率@D15", "E15", "F15", "G15=5", "H15=5", "I15"],
          [16, "产出指标@B12", "时效指标@C16", "户籍档案电子服务时间@D16", "E16", "F16", "G16=5", "H16=5", "I16"],
          [17, "产出指标@B12", "成本指标@C17", "户籍电子化服务成本@D17", "E17", "F17", "G17=10", "H17=10", "I17"],
          [18, "效益指标@B18", "社会效益指标@C18", "为来包创业人才提供便利@D18", "E18", "F18", "G18=15", "H18=15", "I18"],
          [19, "效益指标@B18", "可持续影响指标@C19", "保障人才落户的可持续性@D19", "E19", "F19", "G19=15", "H19=15", "I19"],
          [20, "满意度指标@B20", "服务对象满意度指标@C20", "办理落户手续等人员满意度@D20", "E20", "F20", "G20=10", "H20=9", "I20"],
        ],
        groups: [
          ["产出指标", "50", "B12", [12, 13, 14, 15, 16, 17]],
          ["效益指标", "30", "B18", [18, 19]],
          ["满意度指标", "10", "B20", [20]],
        ],
        issues: [],
        fundsColumns: { initial: "C5", budget: "D5", executed: "E5", weight: "F5", rate: "G5", score: "H5" },
        funds: [
          [6, "年度总金额", "total", "C6=9", "D6=9", "E6=9", "F6=\"(10分)\"", "G6=1 [0%]", "H6=10"],
          [7, "其中:财政拨款", "part", "C7=9", "D7=9", "E7=9", "F7=\"—\"", "G7=1 [0%]", "H7=\"—\""],
          [8, "其他资金", "part", "C8", "D8", "E8", "F8=\"—\"", "G8", "H8=\"—\""],
        ],
        total: [21, "A21", "G21=100", "H21=99"],
      },
    ],
    // seed 003, sheet 流动人员档案管理经费: "产出指标(50分)" without a space (B12); 总分 A25.
    "流动人员档案管理经费": [
      {
        kind: "project",
        range: "A1:I25",
        name: "流动人员档案管理经费@B3",
        columns: { level1: "B11", level2: "C11", level3: "D11", target: "E11", actual: "F11", weight: "G11", score: "H11", reason: "I11" },
        rows: [
          [12, "产出指标@B12", "数量指标@C12", "档案机要邮寄数量@D12", "E12", "F12", "G12=7", "H12=7", "I12"],
          [13, "产出指标@B12", "数量指标@C12", "档案电子化数量@D13", "E13", "F13", "G13=8", "H13=8", "I13"],
          [14, "产出指标@B12", "质量指标@C14", "档案机要邮寄合格率@D14", "E14", "F14", "G14=7", "H14=7", "I14"],
          [15, "产出指标@B12", "质量指标@C14", "流动人员档案电子化合格率@D15", "E15", "F15", "G15=8", "H15=8", "I15"],
          [16, "产出指标@B12", "时效指标@C16", "档案机要邮寄工作时间@D16", "E16", "F16", "G16=3", "H16=3", "I16"],
          [17, "产出指标@B12", "时效指标@C16", "流动人员档案电子化服务时间@D17", "E17", "F17", "G17=5", "H17=5", "I17"],
          [18, "产出指标@B12", "时效指标@C16", "流动人员档案相关运行服务时间@D18", "E18", "F18", "G18=2", "H18=2", "I18"],
          [19, "产出指标@B12", "成本指标@C19", "档案机要邮寄费用@D19", "E19", "F19", "G19=3", "H19=1.9", "I19"],
          [20, "产出指标@B12", "成本指标@C19", "流动人员档案电子化使用、维护费用@D20", "E20", "F20", "G20=5", "H20=4.1", "I20"],
          [21, "产出指标@B12", "成本指标@C19", "流动人员档案相关运行服务费@D21", "E21", "F21", "G21=2", "H21=0.8", "I21"],
          [22, "效益指标@B22", "社会效益指标@C22", "流动人员档案服务提供便利@D22", "E22", "F22", "G22=15", "H22=15", "I22"],
          [23, "效益指标@B22", "可持续影响指标@C23", "保障单位正常运转可持续性@D23", "E23", "F23", "G23=15", "H23=15", "I23"],
          [24, "满意度指标@B24", "服务对象满意度指标@C24", "办理人员满意度@D24", "E24", "F24", "G24=10", "H24=10", "I24"],
        ],
        groups: [
          ["产出指标", "50", "B12", [12, 13, 14, 15, 16, 17, 18, 19, 20, 21]],
          ["效益指标", "30", "B22", [22, 23]],
          ["满意度指标", "10", "B24", [24]],
        ],
        issues: [],
        fundsColumns: { initial: "C5", budget: "D5", executed: "E5", weight: "F5", rate: "G5", score: "H5" },
        funds: [
          [6, "年度总金额", "total", "C6=70", "D6=70", "E6=54.91", "F6=\"(10分)\"", "G6=0.78 [0%]", "H6=7.8"],
          [7, "其中:财政拨款", "part", "C7=70", "D7=70", "E7=54.91", "F7=\"—\"", "G7=0.78 [0%]", "H7=\"—\""],
          [8, "其他资金", "part", "C8", "D8", "E8", "F8=\"—\"", "G8", "H8=\"—\""],
        ],
        total: [25, "A25", "G25=100", "H25=94.6"],
      },
    ],
    "人才市场运行经费": [
      {
        kind: "project",
        range: "A1:I20",
        name: "人才市场运行经费@B3",
        columns: { level1: "B11", level2: "C11", level3: "D11", target: "E11", actual: "F11", weight: "G11", score: "H11", reason: "I11" },
        rows: [
          [12, "产出指标@B12", "数量指标@C12", "采购物业服务@D12", "E12", "F12", "G12=5", "H12=5", "I12"],
          [13, "产出指标@B12", "数量指标@C12", "物业服务面积@D13", "E13", "F13", "G13=10", "H13=10", "I13"],
          [14, "产出指标@B12", "质量指标@C14", "物业服务达标率@D14", "E14", "F14", "G14=15", "H14=15", "I14"],
          [15, "产出指标@B12", "时效指标@C15", "物业服务时间@D15", "E15", "F15", "G15=10", "H15=10", "I15"],
          [16, "产出指标@B12", "成本指标@C16", "物业服务成本@D16", "E16", "F16", "G16=10", "H16=9.4", "I16"],
          [17, "效益指标@B17", "社会效益指标@C17", "保障公共人力资源服务正常运转@D17", "E17", "F17", "G17=15", "H17=14.3", "I17"],
          [18, "效益指标@B17", "可持续影响指标@C18", "保障人才交流大厅干净整洁可持续性@D18", "E18", "F18", "G18=15", "H18=15", "I18"],
          [19, "满意度指标@B19", "服务对象满意度指标@C19", "用人单位和求职者满意度@D19", "E19", "F19", "G19=10", "H19=9", "I19"],
        ],
        groups: [
          ["产出指标", "50", "B12", [12, 13, 14, 15, 16]],
          ["效益指标", "30", "B17", [17, 18]],
          ["满意度指标", "10", "B19", [19]],
        ],
        issues: [],
        fundsColumns: { initial: "C5", budget: "D5", executed: "E5", weight: "F5", rate: "G5", score: "H5" },
        funds: [
          [6, "年度总金额", "total", "C6=30", "D6=30", "E6=30", "F6=\"(10分)\"", "G6=1 [0%]", "H6=10"],
          [7, "其中:财政拨款", "part", "C7=30", "D7=30", "E7=30", "F7=\"—\"", "G7=1 [0%]", "H7=\"—\""],
          [8, "其他资金", "part", "C8", "D8", "E8", "F8=\"—\"", "G8", "H8=\"—\""],
        ],
        total: [20, "A20", "G20=100", "H20=97.7"],
      },
    ],
    // seed 003, sheet 人才工作服务经费: truncated funds headers E5 "全年" and G5 "执行" (read by position, reported
    // inferred); "绩效指标 (90)" on A11; level-1 cells B19/B20 blank under 社会效益指标/可持续影响指标 → 效益指标 (inferred).
    "人才工作服务经费": [
      {
        kind: "project",
        range: "A1:I22",
        name: "人才工作服务经费@B3",
        columns: { level1: "B11", level2: "C11", level3: "D11", target: "E11", actual: "F11", weight: "G11", score: "H11", reason: "I11" },
        rows: [
          [12, "产出指标@B12", "数量指标@C12", "受理窗口咨询及接听热线电话@D12", "E12", "F12", "G12=8", "H12=8", "I12"],
          [13, "产出指标@B12", "数量指标@C12", "高层次人才组织文体及保健@D13", "E13", "F13", "G13=7", "H13=7", "I13"],
          [14, "产出指标@B12", "质量指标@C14", "受理高层次人才申请精准率@D14", "E14", "F14", "G14=15", "H14=15", "I14"],
          [15, "产出指标@B12", "时效指标@C15", "服务高层次人才时间@D15", "E15", "F15", "G15=10", "H15=10", "I15"],
          [16, "产出指标@B12", "成本指标@C16", "高层次人才服务系统增项@D16", "E16", "F16", "G16=2", "H16=5.6", "I16"],
          [17, "产出指标@B12", "成本指标@C16", "人才网服务维护费及相关运转费用@D17", "E17", "F17", "G17=3", "H17=1.4", "I17"],
          [18, "产出指标@B12", "成本指标@C16", "保障能力建设经费@D18", "E18", "F18", "G18=5", "H18=0", "I18"],
          [19, "效益指标@-", "社会效益指标@C19", "推进和落实高层次人才服务相关政策@D19", "E19", "F19", "G19=15", "H19=14", "I19"],
          [20, "效益指标@-", "可持续影响指标@C20", "持续推动我市人才发展@D20", "E20", "F20", "G20=15", "H20=15", "I20"],
          [21, "满意度指标@B21", "服务对象满意度指标@C21", "高层次人才满意度@D21", "E21", "F21", "G21=10", "H21=10", "I21"],
        ],
        groups: [
          ["产出指标", "50", "B12", [12, 13, 14, 15, 16, 17, 18]],
          ["效益指标 (inferred)", "", "", [19, 20]],
          ["满意度指标", "10", "B21", [21]],
        ],
        issues: ["inferred funds.executed@E5", "inferred funds.rate@G5", "inferred ind.level1@B19"],
        fundsColumns: { initial: "C5", budget: "D5", weight: "F5", score: "H5", executed: "E5", rate: "G5" },
        funds: [
          [6, "年度资金总额", "total", "C6=100", "D6=100", "E6=22.38", "F6=10", "G6=22.38", "H6=2.2"],
          [7, "其中:财政拨款", "part", "C7=100", "D7=100", "E7=22.38", "F7=\"—\"", "G7=22.38", "H7=\"—\""],
          [8, "其他资金", "part", "C8", "D8", "E8", "F8=\"—\"", "G8", "H8=\"—\""],
        ],
        indicatorsStatedWeight: "90@A11",
        total: [22, "A22", "G22=100", "H22=88.2"],
      },
    ],
    // seed 003, sheet 就业创业专项资金: "绩效指标 (90)" on A11; B19:B21 blank → 效益指标 inferred; B22 满意度指标 has no weight.
    "就业创业专项资金": [
      {
        kind: "project",
        range: "A1:I23",
        name: "就业创业专项资金@B3",
        columns: { level1: "B11", level2: "C11", level3: "D11", target: "E11", actual: "F11", weight: "G11", score: "H11", reason: "I11" },
        rows: [
          [12, "产出指标@B12", "数量指标@C12", "举办招聘会@D12", "E12", "F12", "G12=7", "H12=7", "I12"],
          [13, "产出指标@B12", "数量指标@C12", "为各类企业提供了人才交流服务@D13", "E13", "F13", "G13=8", "H13=8", "I13"],
          [14, "产出指标@B12", "质量指标@C14", "完成线上线下招聘会合格率@D14", "E14", "F14", "G14=15", "H14=15", "I14"],
          [15, "产出指标@B12", "时效指标@C15", "完成线上线下招聘会及时率@D15", "E15", "F15", "G15=10", "H15=10", "I15"],
          [16, "产出指标@B12", "成本指标@C16", "宣传费@D16", "E16", "F16", "G16=2", "H16=1.9", "I16"],
          [17, "产出指标@B12", "成本指标@C16", "招聘活动费用@D17", "E17", "F17", "G17=6", "H17=5.2", "I17"],
          [18, "产出指标@B12", "成本指标@C16", "保障运行经费@D18", "E18", "F18", "G18=2", "H18=1.6", "I18"],
          [19, "效益指标@-", "社会效益指标@C19", "贴近我市重点产业、行业制订针对性的招聘服务机制@D19", "E19", "F19", "G19=7", "H19=7", "I19"],
          [20, "效益指标@-", "社会效益指标@C19", "为高校毕业生等急需解决就业的人才服务@D20", "E20", "F20", "G20=8", "H20=8", "I20"],
          [21, "效益指标@-", "可持续影响指标@C21", "企业及求职者需求,提供个性化、专业化的精准招聘服务@D21", "E21", "F21", "G21=15", "H21=15", "I21"],
          [22, "满意度指标@B22", "服务对象满意度指标@C22", "企业及求职者的满意度@D22", "E22", "F22", "G22=10", "H22=10", "I22"],
        ],
        groups: [
          ["产出指标", "50", "B12", [12, 13, 14, 15, 16, 17, 18]],
          ["效益指标 (inferred)", "", "", [19, 20, 21]],
          ["满意度指标", "", "B22", [22]],
        ],
        issues: ["inferred ind.level1@B19"],
        fundsColumns: { initial: "C5", budget: "D5", executed: "E5", weight: "F5", rate: "G5", score: "H5" },
        funds: [
          [6, "年度资金总额", "total", "C6=108.44", "D6=108.44", "E6=94.82", "F6=10", "G6=0.8744 [0.00%]", "H6=8.7"],
          [7, "其中:财政拨款", "part", "C7=108.44", "D7=108.44", "E7=94.82", "F7=\"—\"", "G7=0.8744 [0.00%]", "H7=\"—\""],
          [8, "其他资金", "part", "C8", "D8", "E8", "F8=\"—\"", "G8", "H8=\"—\""],
        ],
        indicatorsStatedWeight: "90@A11",
        total: [23, "A23", "G23=100", "H23=97.4"],
      },
    ],
  },
};

// ------------------------------------------------------------------------------------------------
// Loading
// ------------------------------------------------------------------------------------------------

const grids = new Map<string, Grid>();
const sheetOrder = new Map<string, string[]>();

beforeAll(async () => {
  for (const file of Object.keys(EXPECTED)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, file));
    sheetOrder.set(
      file,
      wb.worksheets.map((ws) => ws.name),
    );
    for (const ws of wb.worksheets) grids.set(`${file}/${ws.name}`, worksheetToGrid(ws));
  }
});

function gridOf(file: string, sheet: string): Grid {
  const g = grids.get(`${file}/${sheet}`);
  if (!g) throw new Error(`no sheet ${file}/${sheet}`);
  return g;
}

const views = (forms: FormModel[]) => forms.map(formView);

const SHEETS: [string, string][] = Object.entries(EXPECTED).flatMap(([file, sheets]) =>
  Object.keys(sheets).map((s) => [file, s] as [string, string]),
);

// ------------------------------------------------------------------------------------------------
// 1. The fixtures, exactly
// ------------------------------------------------------------------------------------------------

describe("fixtures: every form found, every field at its address", () => {
  it("each workbook's sheets are exactly the ones tabled (README.md of the fixtures)", () => {
    for (const file of Object.keys(EXPECTED)) expect(sheetOrder.get(file)).toEqual(Object.keys(EXPECTED[file]));
  });

  it("forms per sheet and their ranges (issue: seed000 1 form A1:I24; seed002 score tables A1:G22, A1:G21, 项目5-8 four stacked forms; seed003 five forms)", () => {
    const summary = SHEETS.map(([file, sheet]) => [
      file,
      sheet,
      detectForms(gridOf(file, sheet)).map((f) => `${f.kind} ${formView(f).range}`),
    ]);
    expect(summary).toEqual([
      ["seed000-bj-kjw.xlsx", "自评表", ["project A1:I24"]],
      ["seed002-bj-hwxr.xlsx", "部门整体评价", ["score-table A1:G22"]],
      ["seed002-bj-hwxr.xlsx", "特聘岗位评分表", ["score-table A1:G21"]],
      ["seed002-bj-hwxr.xlsx", "项目1", ["project A1:I20"]],
      ["seed002-bj-hwxr.xlsx", "项目2", ["project A1:I20"]],
      ["seed002-bj-hwxr.xlsx", "项目3", ["project A1:I19"]],
      ["seed002-bj-hwxr.xlsx", "项目4", ["project A1:I20"]],
      ["seed002-bj-hwxr.xlsx", "项目5-8", ["project A1:I19", "project A23:I41", "project A45:I69", "project A73:I91"]],
      ["seed003-bt-rcfw.xlsx", "流动人才集体户管理服务经费", ["project A1:I21"]],
      ["seed003-bt-rcfw.xlsx", "流动人员档案管理经费", ["project A1:I25"]],
      ["seed003-bt-rcfw.xlsx", "人才市场运行经费", ["project A1:I20"]],
      ["seed003-bt-rcfw.xlsx", "人才工作服务经费", ["project A1:I22"]],
      ["seed003-bt-rcfw.xlsx", "就业创业专项资金", ["project A1:I23"]],
    ]);
  });

  it.each(SHEETS)(
    "%s / %s: the table itself agrees with the workbook's cells (name@cell and cell=value read raw)",
    (file, sheet) => {
      const g = gridOf(file, sheet);
      const strings: string[] = [];
      const collect = (v: unknown): void => {
        if (typeof v === "string") strings.push(v);
        else if (Array.isArray(v)) v.forEach(collect);
        else if (v && typeof v === "object") Object.values(v).forEach(collect);
      };
      collect(EXPECTED[file][sheet].map((v) => ({ ...v, range: undefined, issues: undefined, columns: undefined })));
      let checked = 0;
      for (const s of strings) {
        const named = /^(.*)@([A-Z]+\d+)$/s.exec(s);
        const valued = /^([A-Z]+\d+)=(.*?)(?: \[(.+)\])?$/s.exec(s);
        if (named) {
          const p = parseAddress(named[2]) as { row: number; col: number };
          const raw = String(g.raw(p.row, p.col) ?? "").replace(/[\s\u3000]/g, "");
          expect([s, raw.includes(named[1].replace(/[\s\u3000]/g, ""))]).toEqual([s, true]);
          checked++;
        } else if (valued) {
          const p = parseAddress(valued[1]) as { row: number; col: number };
          expect([s, g.raw(p.row, p.col)]).toEqual([s, JSON.parse(valued[2])]);
          expect([s, g.numFmt(p.row, p.col)]).toEqual([s, valued[3]]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    },
  );

  it.each(SHEETS)("%s / %s: every field of every form as tabled", (file, sheet) => {
    expect(views(detectForms(gridOf(file, sheet)))).toEqual(EXPECTED[file][sheet]);
  });

  it("rates are read as stored: 0.3709 with format 0.00% (seed000 G7), the printed figure 98.32 without one (seed002 项目2 G7)", () => {
    const a = detectForms(gridOf("seed000-bj-kjw.xlsx", "自评表"))[0] as ProjectForm;
    expect(a.funds?.total?.rate).toMatchObject({ cell: "G7", value: 0.3709, numFmt: "0.00%" });
    const b = detectForms(gridOf("seed002-bj-hwxr.xlsx", "项目2"))[0] as ProjectForm;
    expect(b.funds?.total?.rate).toMatchObject({ cell: "G7", value: 98.32 });
    expect(b.funds?.total?.rate?.numFmt).toBeUndefined();
  });

  it("confidence is 1 for every header found by an exact synonym, 0.6 for the truncated 全年/执行 (seed003 人才工作服务经费 E5, G5)", () => {
    for (const [file, sheet] of SHEETS) {
      for (const f of detectForms(gridOf(file, sheet))) {
        if (f.kind !== "project") {
          expect(f.confidence).toEqual({ levels: 1, score: 1 });
          continue;
        }
        const truncated = sheet === "人才工作服务经费";
        for (const [k, v] of Object.entries(f.confidence)) {
          expect([k, v]).toEqual([k, truncated && (k === "funds.executed" || k === "funds.rate") ? 0.6 : 1]);
        }
        expect(Object.keys(f.confidence).sort()).toEqual(
          ["actual", "level1", "level2", "level3", "reason", "score", "target", "weight"]
            .map((k) => `ind.${k}`)
            .concat(["budget", "executed", "initial", "rate", "score", "weight"].map((k) => `funds.${k}`))
            .sort(),
        );
      }
    }
  });

  it("a form without a 总分 row is reported, not guessed (seed002 项目5-8, form A23:I41)", () => {
    const f = detectForms(gridOf("seed002-bj-hwxr.xlsx", "项目5-8"))[1] as ProjectForm;
    expect(f.total).toBeUndefined();
    expect(f.issues).toEqual([expect.objectContaining({ field: "total.score", kind: "missing" })]);
    expect(f.issues[0].message.zh).toContain("总分");
  });

  it("a blank level-1 under 社会效益指标 is grouped under 效益指标 and reported inferred (seed003 人才工作服务经费 B19)", () => {
    const f = detectForms(gridOf("seed003-bt-rcfw.xlsx", "人才工作服务经费"))[0] as ProjectForm;
    const g = f.groups.find((x) => x.name === "效益指标");
    expect(g).toEqual({
      name: "效益指标",
      statedWeight: undefined,
      labelCell: undefined,
      rows: [18, 19],
      inferred: true,
    });
    const issue = f.issues.find((i) => i.kind === "inferred" && i.field === "ind.level1");
    expect(issue?.cell).toBe("B19");
    expect(issue?.message.zh).toContain("社会效益指标");
  });
});

// ------------------------------------------------------------------------------------------------
// 2. Variants of the fixture forms
// ------------------------------------------------------------------------------------------------

interface Base {
  id: string;
  model: CellModel;
  view: FormView;
}

/** One tabled form as a sheet of its own (a form of a stacked sheet is cropped out and moved to row 1). */
function base(file: string, sheet: string, index = 0): Base {
  const model = CellModel.fromGrid(gridOf(file, sheet));
  const all = EXPECTED[file][sheet];
  const view = all[index];
  if (all.length === 1) return { id: `${sheet}`, model, view };
  const r = parseRange(view.range);
  if (!r) throw new Error(view.range);
  const crop = cropRows(model, r.top, r.bottom);
  return { id: `${sheet} #${index + 1}`, model: crop.model, view: mapView(view, crop.map) };
}

const PROJECTS: [string, string, number][] = SHEETS.flatMap(([file, sheet]) =>
  EXPECTED[file][sheet]
    .map((v, i) => [file, sheet, i] as [string, string, number])
    .filter(([, , i]) => EXPECTED[file][sheet][i].kind === "project"),
);
const SCORE_TABLES: [string, string, number][] = SHEETS.flatMap(([file, sheet]) =>
  EXPECTED[file][sheet]
    .map((v, i) => [file, sheet, i] as [string, string, number])
    .filter(([, , i]) => EXPECTED[file][sheet][i].kind === "score-table"),
);
const projectTitle = (p: [string, string, number]) =>
  `${p[1]}${EXPECTED[p[0]][p[1]].length > 1 ? ` #${p[2] + 1}` : ""}`;

const row0 = (a: string) => (parseAddress(a) as { row: number }).row;
const col0 = (a: string) => (parseAddress(a) as { col: number }).col;

/** Indicator header row, the table's last row (总分 or last indicator) and its columns, level1 … reason. */
function tableOf(v: ProjectView): { header: number; last: number; cols: number[] } {
  const header = row0(v.columns.level1);
  const last = v.total ? v.total[0] - 1 : v.rows[v.rows.length - 1][0] - 1;
  const cols = ["level1", "level2", "level3", "target", "actual", "weight", "score", "reason"].map((k) =>
    col0(v.columns[k]),
  );
  return { header, last, cols };
}

function expectDetected(model: CellModel, expected: FormView[], opts: { usedRange?: boolean } = {}): void {
  expect(views(detectForms(model.toGrid(opts)))).toEqual(expected);
}

const asProject = (v: FormView) => v as ProjectView;

/** 0-based row of the funds block's last row. */
function lastFundsRow(v: ProjectView): number {
  const rows = v.funds ?? [];
  return rows[rows.length - 1][0] - 1;
}

describe("variants: indicator columns in another order (issue: columns in another order)", () => {
  it.each(PROJECTS.map((p) => [projectTitle(p), ...p] as const))(
    "%s: reversed, rotated and score-first orders",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      const t = tableOf(asProject(b.view));
      const orders = [
        [...t.cols].reverse(),
        [...t.cols.slice(3), ...t.cols.slice(0, 3)],
        [t.cols[6], t.cols[5], t.cols[7], t.cols[4], t.cols[3], t.cols[2], t.cols[1], t.cols[0]],
      ];
      for (const order of orders) {
        const v = permuteColumns(b.model, t.header, t.last, order);
        expectDetected(v.model, [mapView(b.view, v.map)]);
      }
    },
  );

  it("random permutations of the eight indicator columns (fast-check), on seed000 自评表, seed002 项目5-8 #2 and seed003 人才工作服务经费", () => {
    const bases = [
      base("seed000-bj-kjw.xlsx", "自评表"),
      base("seed002-bj-hwxr.xlsx", "项目5-8", 1),
      base("seed003-bt-rcfw.xlsx", "人才工作服务经费"),
    ];
    for (const b of bases) {
      const t = tableOf(asProject(b.view));
      fc.assert(
        fc.property(fc.shuffledSubarray(t.cols, { minLength: t.cols.length, maxLength: t.cols.length }), (order) => {
          const v = permuteColumns(b.model, t.header, t.last, order);
          expect(views(detectForms(v.model.toGrid()))).toEqual([mapView(b.view, v.map)]);
        }),
        { numRuns: 40 },
      );
    }
  });

  it.each(PROJECTS.map((p) => [projectTitle(p), ...p] as const))(
    "%s: funds columns in another order (rate before executed, weight last)",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      const v0 = asProject(b.view);
      const fc0 = v0.fundsColumns as Record<string, string>;
      const header = row0(fc0.initial);
      const last = lastFundsRow(v0);
      const order = ["budget", "initial", "rate", "executed", "score", "weight"].map((k) => col0(fc0[k]));
      const v = permuteColumns(b.model, header, last, order);
      expectDetected(v.model, [mapView(b.view, v.map)]);
    },
  );
});

describe("variants: header synonyms (issue: 年度指标值/指标值/年度目标值; 实际完成值/实际值/全年实际值/完成值; 分值/权重; 得分/自评得分/评分; 偏差原因…)", () => {
  const SETS: Record<string, string>[] = [
    { 年度指标值: "指标值", 实际完成值: "实际值", 分值: "权重", 得分: "自评得分", reason: "偏差原因" },
    { 年度指标值: "年度目标值", 实际完成值: "全年实际值", 得分: "评分", reason: "未完成原因分析" },
    { 实际完成值: "完成值", reason: "偏差原因分析及改进措施" },
    { 年度指标值: "年 度 指 标 值", 实际完成值: "实际\n完成值", 分值: "分 值", 得分: "得　分" },
  ];
  it.each(PROJECTS.map((p) => [projectTitle(p), ...p] as const))(
    "%s: each synonym set on the indicator header row",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      const v0 = asProject(b.view);
      const header = row0(v0.columns.level1);
      const reasonHeader = String(b.model.at(v0.columns.reason)?.value);
      for (const set of SETS) {
        const renames: Record<string, string> = {};
        for (const [from, to] of Object.entries(set)) renames[from === "reason" ? reasonHeader : from] = to;
        if (renames[reasonHeader] === reasonHeader) delete renames[reasonHeader];
        const v = renameHeaders(b.model, header, renames);
        expectDetected(v.model, [b.view]);
      }
    },
  );

  it.each(PROJECTS.map((p) => [projectTitle(p), ...p] as const).filter((p) => p[2] !== "人才工作服务经费"))(
    "%s: truncated funds headers 全年 / 执行 (seed003 人才工作服务经费 E5, G5) are read by position and reported inferred",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      const v0 = asProject(b.view);
      const header = row0((v0.fundsColumns as Record<string, string>).initial);
      const v = renameHeaders(b.model, header, { 全年执行数: "全年", 执行率: "执行" });
      const fc0 = v0.fundsColumns as Record<string, string>;
      const expected: ProjectView = {
        ...v0,
        issues: [...v0.issues, `inferred funds.executed@${fc0.executed}`, `inferred funds.rate@${fc0.rate}`].sort(),
      };
      expectDetected(v.model, [expected]);
      // … also when the truncated 执行 (rate) stands left of the truncated 全年 (executed).
      const last = lastFundsRow(v0);
      const p = permuteColumns(
        v.model,
        header,
        last,
        ["initial", "budget", "rate", "weight", "executed", "score"].map((k) => col0(fc0[k])),
      );
      expectDetected(p.model, [mapView(expected, p.map)]);
    },
  );
});

describe("variants: extra columns (issue: extra columns (序号, 备注))", () => {
  it.each(PROJECTS.map((p) => [projectTitle(p), ...p] as const))(
    "%s: a 序号 column inserted before 一级指标",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      const v0 = asProject(b.view);
      const t = tableOf(v0);
      const fill = new Map<number, string | number>([[t.header, "序号"]]);
      v0.rows.forEach((r, n) => fill.set(r[0] - 1, n + 1));
      const v = insertColumn(b.model, t.cols[0], fill);
      expectDetected(v.model, [mapView(b.view, v.map)]);
    },
  );

  it.each(PROJECTS.map((p) => [projectTitle(p), ...p] as const))(
    "%s: a 备注 column appended after the reason column",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      const v0 = asProject(b.view);
      const t = tableOf(v0);
      const fill = new Map<number, string>([[t.header, "备注"]]);
      v0.rows.forEach((r, n) => n % 2 === 0 && fill.set(r[0] - 1, `说明${n}`));
      const v = insertColumn(b.model, Math.max(...t.cols) + 1, fill);
      expectDetected(v.model, [mapView(b.view, v.map)]);
    },
  );
});

describe("variants: forms starting anywhere (issue: not at A1)", () => {
  it.each(PROJECTS.concat(SCORE_TABLES).map((p) => [projectTitle(p), ...p] as const))(
    "%s: moved to D5 and to K30, as a sheet grid and as a used range",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      for (const [dr, dc] of [
        [4, 3],
        [29, 10],
      ]) {
        const v = offset(b.model, dr, dc);
        expectDetected(v.model, [mapView(b.view, v.map)]);
        expectDetected(v.model, [mapView(b.view, v.map)], { usedRange: true });
      }
    },
  );
});

describe("variants: merges removed (issue: merged level-1/level-2 cells and the same labels repeated unmerged; blank level-1 cells continue the group)", () => {
  const levelMerges = (v: ProjectView) => {
    const t = tableOf(v);
    const lo = Math.min(t.cols[0], t.cols[1]);
    const hi = Math.max(t.cols[0], t.cols[1]);
    return (m: { top: number; left: number; right: number }) => m.top > t.header && m.left >= lo && m.right <= hi;
  };
  it.each(PROJECTS.map((p) => [projectTitle(p), ...p] as const))(
    "%s: level merges → labels repeated / left blank",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      for (const mode of ["copy", "blank"] as const) {
        const v = unmerge(b.model, mode, levelMerges(asProject(b.view)));
        expectDetected(v.model, [mapView(b.view, v.map)]);
      }
    },
  );

  it.each(PROJECTS.concat(SCORE_TABLES).map((p) => [projectTitle(p), ...p] as const))(
    "%s: every merge of the sheet → values repeated / left blank",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      for (const mode of ["copy", "blank"] as const) {
        const v = unmerge(b.model, mode);
        expectDetected(v.model, [mapView(b.view, v.map)]);
      }
    },
  );
});

describe("variants: score tables (seed002 部门整体评价, 特聘岗位评分表)", () => {
  it.each(SCORE_TABLES.map((p) => [projectTitle(p), ...p] as const))(
    "%s: 名称 and 分值 swapped within each level, and 得分 moved to the front",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      const v0 = b.view as ScoreTableView;
      const header = row0(v0.levelColumns[0][0]) - 1;
      const last = v0.total ? v0.total[0] - 1 : v0.rows[v0.rows.length - 1][0] - 1;
      const pairs = v0.levelColumns.flatMap(([n, w]) => [col0(w), col0(n)]);
      const swap = permuteColumns(b.model, header, last, pairs);
      expectDetected(swap.model, [mapView(b.view, swap.map)]);
      const all = [...v0.levelColumns.flatMap(([n, w]) => [col0(n), col0(w)])];
      const scoreCol = col0(`${v0.score}1`);
      const front = permuteColumns(b.model, header, last, [scoreCol, ...all]);
      expectDetected(front.model, [mapView(b.view, front.map)]);
    },
  );

  it.each(SCORE_TABLES.map((p) => [projectTitle(p), ...p] as const))(
    "%s: a 序号 column inserted before 一级指标",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      const v0 = b.view as ScoreTableView;
      const header = row0(v0.levelColumns[0][0]) - 1;
      const fill = new Map<number, string | number>([[header, "序号"]]);
      v0.rows.forEach((r, n) => fill.set(r[0] - 1, n + 1));
      const v = insertColumn(b.model, col0(v0.levelColumns[0][0]), fill);
      expectDetected(v.model, [mapView(b.view, v.map)]);
    },
  );
});

describe("variants: several forms stacked on one sheet (issue: with blank rows between, and with no blank row between)", () => {
  const pick = (ids: [string, string, number][]) => ids.map(([f, s, i]) => base(f, s, i));
  const TWO: [string, string, number][] = [
    ["seed000-bj-kjw.xlsx", "自评表", 0],
    ["seed003-bt-rcfw.xlsx", "人才工作服务经费", 0],
  ];
  const FIVE: [string, string, number][] = [
    ["seed000-bj-kjw.xlsx", "自评表", 0],
    ["seed002-bj-hwxr.xlsx", "项目5-8", 1], // no 总分 row …
    ["seed002-bj-hwxr.xlsx", "特聘岗位评分表", 0], // … directly followed by a score table
    ["seed003-bt-rcfw.xlsx", "人才工作服务经费", 0],
    ["seed002-bj-hwxr.xlsx", "部门整体评价", 0],
  ];
  const FIVE_PROJECTS: [string, string, number][] = [
    ["seed002-bj-hwxr.xlsx", "项目5-8", 1],
    ["seed003-bt-rcfw.xlsx", "就业创业专项资金", 0],
    ["seed002-bj-hwxr.xlsx", "项目1", 0],
    ["seed002-bj-hwxr.xlsx", "项目5-8", 2],
    ["seed003-bt-rcfw.xlsx", "流动人才集体户管理服务经费", 0],
  ];
  it.each([
    ["two project forms", TWO],
    ["five forms: projects and score tables, one without 总分", FIVE],
    ["five project forms, the first without 总分", FIVE_PROJECTS],
  ] as const)("%s, with 0, 1 and 3 blank rows between", (_t, ids) => {
    const parts = pick([...ids]);
    for (const gap of [0, 1, 3]) {
      const s = stack(
        parts.map((p) => p.model),
        gap,
      );
      expectDetected(
        s.model,
        parts.map((p, k) => mapView(p.view, s.maps[k])),
      );
    }
  });

  it.each([
    ["five forms", FIVE],
    ["five project forms", FIVE_PROJECTS],
  ] as const)(
    "%s, every other one starting in column L (issue: forms starting anywhere), with 0 and 2 blank rows between",
    (_t, ids) => {
      const parts = pick([...ids]).map((p, k) => {
        if (k % 2 === 0) return p;
        const o = offset(p.model, 0, 11);
        return { ...p, model: o.model, view: mapView(p.view, o.map) };
      });
      for (const gap of [0, 2]) {
        const s = stack(
          parts.map((p) => p.model),
          gap,
        );
        expectDetected(
          s.model,
          parts.map((p, k) => mapView(p.view, s.maps[k])),
        );
      }
    },
  );

  it("the four forms of seed002 项目5-8 restacked without blank rows, then moved to C4 with their level merges left blank", () => {
    const parts = [0, 1, 2, 3].map((i) => base("seed002-bj-hwxr.xlsx", "项目5-8", i));
    const s = stack(
      parts.map((p) => p.model),
      0,
    );
    const u = unmerge(s.model, "blank", (m) => m.left >= 1 && m.right <= 2 && m.bottom > m.top && m.right === m.left);
    const o = offset(u.model, 3, 2);
    expectDetected(
      o.model,
      parts.map((p, k) => mapView(p.view, compose(compose(s.maps[k], u.map), o.map))),
    );
  });
});

describe("variants combined", () => {
  it.each(PROJECTS.map((p) => [projectTitle(p), ...p] as const))(
    "%s: 序号 inserted, columns reversed, level merges blank, moved to C3 (used range)",
    (_t, file, sheet, i) => {
      const b = base(file, sheet, i);
      const v0 = asProject(b.view);
      const t = tableOf(v0);
      const fill = new Map<number, string | number>([[t.header, "序号"]]);
      v0.rows.forEach((r, n) => fill.set(r[0] - 1, n + 1));
      const ins = insertColumn(b.model, t.cols[0], fill);
      const v1 = asProject(mapView(b.view, ins.map));
      const t1 = tableOf(v1);
      const per = permuteColumns(ins.model, t1.header, t1.last, [...t1.cols].reverse());
      const un = unmerge(per.model, "blank", (m) => m.top > t1.header && m.left === m.right && m.left !== 0);
      const off = offset(un.model, 2, 2);
      const map: AddressMap = compose(compose(compose(ins.map, per.map), un.map), off.map);
      expectDetected(off.model, [mapView(b.view, map)], { usedRange: true });
    },
  );
});
