package number

import (
	"strings"
	"testing"
)

// benchReport is an invented passage in the style of an annual report on
// building a law-based government, with the figures such reports carry.
const benchReport = `一、全年工作概况
２０２３年，全区共受理行政复议申请１，２０６件，同比增长１２．５％，其中依法受理９８７件，受理率81.84%。审结行政复议案件一千零二十三件，纠错率为百分之七点五，较上年下降2.4个百分点。行政机关负责人出庭应诉率达到100.00%，行政诉讼败诉率不足3%。
二、规范性文件管理
全年审查 303 件次规范性文件，备案审查率100%，清理文件1,356件，废止二十七件，修改一百零五件。组织开展合法性审核约2.3万件，涉及金额4.23亿元，为企业挽回经济损失近4.21亿元。
三、执法监督
开展行政执法案卷评查，抽查案卷300余卷，合格率九成以上，优秀率约三成。培训执法人员12万多人次，新增持证人员两百名，执法人员人均培训不少于40学时。复议诉讼比为1.3:1，较上年的1:0.8有所改善。第二期执法证考试于2023-06-18举行，14:30开考。
四、法治宣传
举办法治讲座150余场，发放宣传资料18万余册，覆盖群众逾35万人。建成公共法律服务站点一千三百个，实现村（社区）法律顾问百分之百全覆盖。群众满意度为98.5%，比上年提高0.6个百分点。
`

func BenchmarkScan(b *testing.B) {
	text, raw := fold(strings.Repeat(benchReport, 8))
	b.SetBytes(int64(len(string(raw))))
	b.ReportAllocs()
	for b.Loop() {
		Scan(text, raw)
	}
}
