#!/bin/sh
# A hospital information-system tender (医院信息系统招标), January to June
# 2026: the organisation, a buying group that cuts across ranks, stances
# that move, the four gates run at three dates, maps before and after.
#
#   examples/hospital.sh OUTDIR
#
# leaves the store in OUTDIR/kam.db and the maps in OUTDIR/*.svg, and
# prints the session as Markdown (examples/hospital.md is its output).
. "$(dirname "$0")/lib.sh"

say '# A hospital information-system tender' '' \
  'City No. 1 People'"'"'s Hospital (市第一人民医院) is replacing its hospital' \
  'information system (HIS).  Zhou Lei, our account manager, records what he' \
  'learns over six months.  Every command below is what examples/hospital.sh' \
  'runs, with what it printed.' ''

say '## January: the organisation' '' \
  'The hospital, our competitor, and the people involved, with their rank' \
  '(level 1 is the top) and reporting lines.  The new deputy head of the' \
  'information centre has not been appointed yet: a placeholder.' ''
shell <<'CMDS'
export KAM_USER=zhou.lei KAM_NOW=2026-01-08 KAM_ACCOUNT=hospital
kam-org init
kam-org account add hospital --name 市第一人民医院 --industry 医疗
kam-org competitor add kanglian --name 康联软件
kam-org person add chen --name 陈建国 --title 院长 --level 1
kam-org person add li --name 李明 --title 副院长（分管信息） --level 2 --reports-to chen
kam-org person add wang --name 王芳 --title 副院长（分管医疗） --level 2 --reports-to chen
kam-org person add liu --name 刘洋 --title 总会计师 --level 2 --reports-to chen
kam-org person add zhang --name 张伟 --title 信息中心主任 --dept 信息中心 --level 3 --reports-to li
kam-org person add zhao --name 赵磊 --title 高级工程师 --dept 信息中心 --level 4 --reports-to zhang
kam-org person add deputy --title 信息中心副主任 --dept 信息中心 --level 3 --reports-to li --placeholder
kam-org person add sun --name 孙丽 --title 医务处处长 --dept 医务处 --level 3 --reports-to wang
kam-org person add zheng --name 郑华 --title 心内科主任 --dept 心内科 --level 3 --reports-to wang
kam-org person add zhou --name 周敏 --title 财务处处长 --dept 财务处 --level 3 --reports-to liu
kam-org person add wu --name 吴刚 --title 采购办主任 --dept 采购办 --level 3 --reports-to liu --dotted-to li
kam-org tree
CMDS

say '## The deal and its buying group' '' \
  'The tender is worth 12 million yuan, to be decided at the end of June.' \
  'Its buying group is not the org chart: Zhao Lei, a senior engineer at' \
  'level 4, leads the technical evaluation that the president signs off.' ''
shell <<'CMDS'
kam-org deal add his --name 医院信息系统（HIS）招标 --value 12000000 --currency CNY --close 2026-06-30
kam-org role his chen decision-maker --influence high
kam-org role his li business --influence high
kam-org role his zhao technical --influence high --lead
kam-org role his zhang technical --influence medium
kam-org role his liu finance --influence high
kam-org role his zhou finance --influence medium
kam-org role his wu procurement --influence medium
kam-org role his sun user --influence medium
kam-org check his
CMDS

say '`kam-org check` exits 1 when it finds a red flag, like `grep`: every deal' \
  'needs a coach, someone inside who guides us, and we do not know yet' \
  'where any of the people of high influence stand.  Zheng Hua, head of' \
  'cardiology, is an old friend, and an adviser of the president.' ''
shell <<'CMDS'
kam-org role his zheng coach --influence low
kam-org link zheng chen --kind advises --strength 3
kam-org link liu chen --kind influences
kam-org link zhang zhao --kind allies
kam-org roles his
CMDS

say 'Every role is held now, but the links tell more than the roles do.' \
  'Zhang Wei and Zhao Lei back each other, which gives them the most weight' \
  'in the informal network; Zheng Hua comes next, as the president'"'"'s' \
  'adviser.  Zhao Lei, at level 4, is a *hidden influencer*: his weight' \
  'outruns his rank, and we do not know where he stands.  Neither do we' \
  'know yet where Zheng Hua stands, which makes him a coach we cannot rely' \
  'on: the January visits are for that.' ''
shell <<'CMDS'
kam-org influence hospital --deal his
kam-org check his || echo 'find out where Zhao Lei stands'
CMDS

say '## January: where everyone stands' '' \
  'After the first round of visits.  Li Ming and Zhang Wei back us; the chief' \
  'accountant Liu Yang opposes the project as too expensive; Zhou Min, his' \
  'finance head, is close to our competitor Kanglian.  Nobody knows yet' \
  'what the procurement office thinks.' ''
shell <<'CMDS'
kam-stance set li support --on 2026-01-06 --note 主动约见，认可我们的方案 --source 拜访
kam-stance set zhang support --on 2026-01-06 --source 拜访
kam-stance set zheng support --on 2026-01-06 --note 老朋友 --source 拜访
kam-stance set chen neutral --on 2026-01-07 --source 院长办公会
kam-stance set zhao neutral --on 2026-01-07 --source 技术交流
kam-stance set sun neutral --on 2026-01-07
kam-stance set liu oppose --on 2026-01-07 --note 认为预算太高 --source 拜访
kam-stance set zhou support --toward kanglian --on 2026-01-07 --note 与康联关系密切 --source 郑华
kam-stance show hospital/his
CMDS

say '## The four gates, in January' '' \
  'Is it real?  The need is explicit, but the budget is not approved yet: a' \
  '"painted cake" until it is.  Can we compete?  Our product fits, with a' \
  'gap in the PACS interface that a partner covers.' ''
shell <<'CMDS'
kam-gate answer his need yes --on 2026-01-08 --evidence 2025年等级评审要求更换HIS
kam-gate answer his budget unknown --on 2026-01-08 --evidence 财政拨款尚未批复
kam-gate answer his timeline yes --on 2026-01-08 --evidence 6月底前完成招标
kam-gate answer his fit yes --on 2026-01-08
kam-gate answer his gaps partly --on 2026-01-08 --evidence PACS接口由合作伙伴提供
kam-gate answer his criteria-known partly --on 2026-01-08
kam-gate answer his resources yes --on 2026-01-08
kam-gate answer his position yes --on 2026-01-08 --evidence 省内三甲医院案例12家
kam-gate answer his differentiation yes --on 2026-01-08 --evidence 电子病历五级评审经验
kam-gate answer his price partly --on 2026-01-08
kam-gate answer his profit partly --on 2026-01-08
kam-gate answer his capital partly --on 2026-01-08 --evidence 分三年付款
kam-gate answer his side-effects yes --on 2026-01-08
kam-gate answer his strategy yes --on 2026-01-08 --evidence 医疗行业是重点方向
kam-gate answer his importance yes --on 2026-01-08 --evidence 区域医疗中心，示范效应
kam-gate run his
kam-map his -o map-before.svg
CMDS

say 'The map drawn for the January review is kept as map-before.svg.' ''

say '## February and March: the engineers are convinced, the budget approved' '' \
  'A technical workshop in February wins over Zhao Lei, who leads the' \
  'evaluation.  The city approves the funds on 1 March.  After a visit to a' \
  'reference hospital, Liu Yang is no longer against us, and Wu Gang of the' \
  'procurement office says he likes our terms.  Zheng Hua, who advises the' \
  'president, speaks for us, and the president backs the project.' ''
shell <<'CMDS'
export KAM_NOW=2026-03-16
kam-stance set zhao support --on 2026-02-10 --note 技术交流会后认可我们的架构 --source 技术交流
kam-gate answer his budget yes --on 2026-03-01 --evidence 市财政局批复1200万元
kam-stance set liu neutral --on 2026-03-10 --note 参观样板医院后态度缓和 --source 拜访
kam-stance set wu support --on 2026-03-12 --source 采购办
kam-stance set chen support --on 2026-03-14 --note 听取郑华意见后认可 --source 郑华
kam-gate run his
CMDS

say '## June: a competitor'"'"'s friend appears, a supporter cools, an opponent is won over' '' \
  'In April the deputy head of the information centre is appointed: Sun' \
  'Qiang, who worked with Kanglian at his previous hospital.  He joins the' \
  'technical evaluation, and in May Zhao Lei cools after Kanglian'"'"'s demo.' \
  'Liu Yang, once against us, now supports us: the three-year payment plan' \
  'won him over.' ''
shell <<'CMDS'
export KAM_NOW=2026-06-15
kam-org person set deputy --name 孙强 --on 2026-04-01
kam-org role his deputy technical --influence high
kam-stance set deputy support --toward kanglian --on 2026-04-01 --note 曾在前单位使用康联系统 --source 郑华
kam-stance set deputy neutral --on 2026-04-20 --source 技术交流
kam-stance set zhao neutral --on 2026-05-08 --note 康联演示后态度转冷 --source 张伟
kam-stance set liu support --on 2026-05-20 --note 认可分期付款方案 --source 拜访
kam-stance changes hospital/his --from 2026-03-16 --to 2026-06-15
kam-stance log hospital/liu
kam-stance timeline hospital/his --by month --from 2026-01-01 --to 2026-06-30
kam-gate run his
CMDS

say 'Not a pursue any more, though nobody turned against us: what we know of' \
  'the president and of Li Ming is three months old and more.  Past' \
  '`stale.days` (90 days), what a key person thought is a question again,' \
  'not an answer, and "can we win?" is open until someone asks.  Zhou Lei' \
  'sees them both that week.' ''
shell <<'CMDS'
kam-stance set chen support --on 2026-06-12 --note 仍支持，关注上线时间 --source 拜访
kam-stance set li support --on 2026-06-12 --source 拜访
kam-gate run his
kam-gate history his
CMDS

say 'The verdict holds: the president, the business side and finance back' \
  'us.  What changed since the March run is in the relationship criteria,' \
  'computed from the buying group and its stances.' ''
shell <<'CMDS'
kam-gate diff his 2 4
CMDS

say 'Who on our side knows whom?  Ma Jun, our account manager, has known the' \
  'president and Zheng Hua for years and works with Li Ming; Gao Yan, our' \
  'solution engineer, is trusted by Zhang Wei and works with Zhao Lei since' \
  'the workshop.  `kam-org coverage` lists the members nobody of ours knows,' \
  'and who could reach them through a supporter who influences them.' ''
shell <<'CMDS'
kam-org seller add majun --name 马骏
kam-org seller add gaoyan --name 高岩
kam-org contact majun chen --strength 3 --on 2025-09-01
kam-org contact majun zheng --strength 3 --on 2025-06-01
kam-org contact majun li --strength 2 --on 2025-11-15
kam-org contact gaoyan zhang --strength 3 --on 2026-01-06
kam-org contact gaoyan zhao --strength 2 --on 2026-02-10
kam-org coverage his
CMDS

say 'The other stances were last observed months ago.  `kam-stance stale`' \
  'lists whom to check in with, the most influential first: Zhang Wei, whose' \
  'alliance with Zhao Lei gives him the most weight, has not been seen' \
  'since January.  The maps fade these stances, and the memo lists them.' ''
shell <<'CMDS'
kam-stance stale his
CMDS

say 'Kanglian gains on the technical side, which Zhao Lei leads.' \
  '`kam-gate plan` gives each' \
  'person an action, with the supporters who influence or advise them and' \
  'the seller of ours who carries it;' \
  '`--assume-stance` shows what would move the verdict, storing nothing:' \
  'Zhao Lei turning against us would limit it.' ''
shell <<'CMDS'
kam-gate plan his | awk -F'\t' '{ printf "%-15s %-14s %-18s %s\n", $1, $7, $10, $11 }'
kam-gate run his --assume-stance zhao=oppose -F table | tail -3
CMDS

say '## Maps, before and after' '' \
  'The map of June, with everyone whose stance moved since the March review' \
  'marked old → new, and the buying group on its own.  Open map-before.svg and' \
  'map-after.svg in a browser to compare.' ''
shell <<'CMDS'
kam-map his --since 2026-03-16 -o map-after.svg
kam-map his --view buying -o buying-group.svg
ls -1 *.svg
CMDS

say 'The memo for the sales director, as of today:' ''
shell <<'CMDS'
kam-gate report his
CMDS
