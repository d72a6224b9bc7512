/** The words of the demo council: proposals by topic, reasons, comments, plans and minutes. */
import type { FundingSource, ProposalTopic } from '@baitong/contracts';

export interface ProposalTemplate {
  key: string;
  topic: ProposalTopic;
  /** Concern categories whose cases this proposal may be promoted from. */
  categories: readonly string[];
  /** `{c}` is the compound's name. */
  title: string;
  description: string;
  plan: string;
  milestones: readonly string[];
  budget: readonly [number, number];
  funding: FundingSource;
  fundingNote: string | null;
  /** Garbage and drying: kept out of 翠渝路社区, whose dump on the vacant lot is the seed's own story. */
  garbageOrDrying?: boolean;
}

// prettier-ignore
export const PROPOSAL_TEMPLATES: readonly ProposalTemplate[] = [
  { key: 'greening', topic: 'greening', categories: ['greenery'], title: '{c}中心花园补种绿植、修剪行道树',
    description: '{c}中心花园有不少地方草皮已经秃了，行道树多年没修剪，枝条挡住路灯和低层住户的窗户。建议补种耐阴灌木，统一修剪行道树，让小区重新绿起来。',
    plan: '物业牵头，园林公司实施：补种灌木和草皮约300平方米，修剪行道树42棵，修剪后的枝条粉碎还田。',
    milestones: ['现场踏勘与补植方案公示', '行道树修剪', '补种灌木和草皮', '养护一个月后验收'], budget: [18000, 36000], funding: 'property_maintenance_fund', fundingNote: '经业委会同意使用公共维修资金' },
  { key: 'charging', topic: 'traffic_parking', categories: ['parking', 'safety_hazard'], title: '{c}增设电动自行车集中充电棚',
    description: '{c}很多居民把电动自行车推进楼道充电，还有从楼上拉飞线的，非常危险。建议在小区空置的边角地建一个带智能充电桩的集中充电棚。',
    plan: '在小区北侧边角地新建充电棚一处，安装智能充电桩40个，刷卡扫码计费，配烟感和灭火器。',
    milestones: ['选址与居民意见征集', '充电棚基础施工', '充电桩安装调试', '消防验收与启用'], budget: [45000, 80000], funding: 'street_budget', fundingNote: '街道民生实事项目' },
  { key: 'parking', topic: 'traffic_parking', categories: ['parking'], title: '{c}规范地面停车，施划停车位',
    description: '{c}地面车辆乱停乱放，早晚高峰消防通道经常被堵，救护车进不来。建议重新施划地面停车位，设置禁停标识，外来车辆限时停放。',
    plan: '重新施划地面车位和消防通道标线，安装禁停标识牌12块，道闸系统增加访客限时功能。',
    milestones: ['车位规划方案公示', '标线施划', '标识牌安装', '道闸系统升级'], budget: [12000, 30000], funding: 'property_maintenance_fund', fundingNote: null },
  { key: 'sorting', topic: 'environment', categories: ['garbage'], garbageOrDrying: true, title: '{c}升级垃圾分类投放点',
    description: '{c}现在的垃圾桶露天摆放，分类标识看不清，下雨天污水横流。建议把投放点改成带顶棚、洗手池和分类标识的定时定点投放亭。',
    plan: '改造投放点3处：加装顶棚、洗手池和照明，更换分类桶，设督导员在早晚投放高峰值守一个月。',
    milestones: ['投放点选址公示', '顶棚与洗手池施工', '更换分类桶和标识', '督导值守与验收'], budget: [25000, 48000], funding: 'district_budget', fundingNote: '区生活垃圾分类示范项目补助' },
  { key: 'seats', topic: 'elderly_children', categories: ['facility_damage', 'suggestion'], title: '{c}步道增设老年人休息座椅和扶手',
    description: '{c}老年人多，小区步道坡长，老人走一段就要歇一歇却没地方坐。建议沿步道每隔五十米设一组座椅，坡道和台阶加装扶手。',
    plan: '沿主步道设置休息座椅16组，坡道和台阶加装不锈钢扶手约120米，转角处加装夜间反光条。',
    milestones: ['座椅和扶手点位确认', '扶手安装', '座椅安装', '验收'], budget: [20000, 42000], funding: 'community_charity_fund', fundingNote: '社区慈善基金“孝老”专项' },
  { key: 'canteen', topic: 'elderly_children', categories: ['suggestion'], title: '{c}开设老年助餐点',
    description: '{c}独居和高龄老人不少，自己做饭不方便。建议利用小区闲置用房开一个老年助餐点，中午供应价格实惠的午餐，行动不便的可以送餐上门。',
    plan: '改造闲置用房约80平方米为助餐点，引入有资质的餐饮企业运营，60岁以上老人凭卡就餐，80岁以上和困难老人享受补贴。',
    milestones: ['用房改造设计', '装修与厨房设备安装', '运营方遴选', '试运营'], budget: [60000, 120000], funding: 'district_budget', fundingNote: '区老年助餐服务点建设补助' },
  { key: 'lights', topic: 'facilities', categories: ['stair_light'], title: '{c}楼道照明改为声控感应灯',
    description: '{c}好多楼道灯坏了很久没人修，晚上上下楼只能打手机电筒，老人摔倒过好几次。建议把楼道照明全部换成节能的声光控感应灯，并定期巡查。',
    plan: '全部楼道更换LED声光控感应灯约380盏，物业每月巡查一次，损坏48小时内修复。',
    milestones: ['逐栋排查登记', '采购灯具', '分批更换', '夜间巡查验收'], budget: [15000, 32000], funding: 'property_maintenance_fund', fundingNote: null },
  { key: 'fitness', topic: 'culture_sports', categories: ['facility_damage'], title: '{c}更换破损健身器材',
    description: '{c}健身区的器材用了快十年，扭腰器转不动，单杠锈得厉害，孩子玩的时候有危险。建议更换一批新器材，地面铺设塑胶。',
    plan: '拆除破损器材9件，更换新器材12件，健身区地面铺设塑胶约200平方米，张贴使用说明。',
    milestones: ['器材安全检查', '拆除旧器材', '安装新器材和塑胶地面', '验收启用'], budget: [30000, 55000], funding: 'street_budget', fundingNote: '全民健身设施更新' },
  { key: 'cameras', topic: 'safety', categories: ['safety_hazard'], title: '{c}加装防高空抛物监控',
    description: '{c}这段时间接连发生高空抛物，楼下停的车被砸过，还差点砸到小孩。建议在各栋楼加装仰拍监控，并在小区里多宣传。',
    plan: '在高层住宅楼加装仰拍高清摄像头24个，接入物业监控中心，同时开展防高空抛物宣传进楼栋。',
    milestones: ['点位勘察', '摄像头安装', '接入监控中心', '宣传进楼栋'], budget: [36000, 70000], funding: 'property_maintenance_fund', fundingNote: '业主大会表决使用维修资金' },
  { key: 'fire_lane', topic: 'safety', categories: ['safety_hazard', 'parking'], title: '{c}清理消防通道，施划禁停标线',
    description: '{c}消防通道被杂物和车辆长期占用，楼道里还堆着纸箱旧家具。建议组织一次集中清理，施划消防通道禁停标线，以后定期检查。',
    plan: '组织党员志愿者和物业集中清理楼道杂物，施划消防通道黄色禁停标线，每月联合消防站检查一次。',
    milestones: ['入户宣传', '集中清理', '施划标线', '联合检查'], budget: [6000, 15000], funding: 'community_charity_fund', fundingNote: null },
  { key: 'activity_room', topic: 'culture_sports', categories: ['suggestion'], title: '{c}利用架空层建设居民活动室',
    description: '{c}架空层空着没用，堆满了杂物。建议清理出来改成居民活动室，可以下棋、打乒乓球，也能给孩子们做作业、开展志愿活动。',
    plan: '清理架空层约150平方米，改造为活动室和四点半课堂，配置桌椅、乒乓球台和书架，由志愿者轮流管理。',
    milestones: ['架空层清理', '装修改造', '添置设施', '开放运行'], budget: [40000, 75000], funding: 'community_charity_fund', fundingNote: '社区慈善基金与辖区企业捐赠' },
  { key: 'dogs', topic: 'neighbourhood', categories: ['dog_keeping', 'noise'], title: '{c}制定文明养犬公约',
    description: '{c}遛狗不牵绳、狗粪没人清理的情况很多，居民之间为此吵过好几次。建议由议事会牵头制定小区文明养犬公约，设置宠物便便箱。',
    plan: '议事会起草文明养犬公约并征求意见，设置宠物便便箱8个，组织文明养犬志愿巡查队。',
    milestones: ['公约草案征求意见', '公约表决公布', '便便箱设置', '志愿巡查'], budget: [3000, 8000], funding: 'community_charity_fund', fundingNote: null },
  { key: 'elevator', topic: 'property_management', categories: ['elevator'], title: '{c}公开电梯维保记录，老旧电梯更新',
    description: '{c}电梯经常困人，维保单位来得慢。建议物业在电梯里公示维保记录和救援电话，对运行超过十五年的电梯申请更新。',
    plan: '在每部电梯公示维保记录和24小时救援电话，委托检测机构评估老旧电梯，评估不合格的申请维修资金更新。',
    milestones: ['维保记录公示', '检测评估', '更新方案表决', '更新施工'], budget: [150000, 320000], funding: 'property_maintenance_fund', fundingNote: '业主大会表决使用专项维修资金' },
  { key: 'drying', topic: 'environment', categories: ['suggestion'], garbageOrDrying: true, title: '{c}增设公共晾晒点',
    description: '{c}很多住户没有阳台晾晒被褥，只能挂在绿化带的树上和栏杆上，既不安全也影响环境。建议找一块向阳的空地建设公共晾晒点。',
    plan: '在向阳空地设置不锈钢晾晒架6组，地面硬化并加装防盗监控，由楼栋长协助管理。',
    milestones: ['选址公示', '地面硬化', '晾晒架安装', '启用'], budget: [12000, 26000], funding: 'community_charity_fund', fundingNote: null },
  { key: 'playground', topic: 'elderly_children', categories: ['facility_damage'], title: '{c}儿童游乐区铺设防滑软垫',
    description: '{c}儿童游乐区地面是水泥地，孩子摔倒容易受伤，滑梯也有裂缝。建议铺设防滑软垫，维修滑梯，周边加装围栏。',
    plan: '儿童游乐区铺设EPDM防滑软垫约180平方米，更换滑梯，加装安全围栏和休息座椅。',
    milestones: ['方案征求家长意见', '拆除旧地面', '铺设软垫和安装滑梯', '验收开放'], budget: [28000, 50000], funding: 'donation', fundingNote: '辖区企业定向捐赠' },
  { key: 'drains', topic: 'facilities', categories: ['pipe_leak'], title: '{c}疏通改造雨污管网',
    description: '{c}一下大雨低洼处就积水，有几栋楼下水道经常反味堵塞。建议对小区雨污管网做一次全面检测疏通，改造破损管段。',
    plan: '对小区雨污管网进行CCTV检测，疏通管道约1.2公里，更换破损管段和井盖，低洼处增设雨水口。',
    milestones: ['管网检测', '疏通清淤', '破损管段改造', '雨季前验收'], budget: [80000, 160000], funding: 'district_budget', fundingNote: '老旧小区改造配套资金' },
  { key: 'square_dance', topic: 'neighbourhood', categories: ['noise'], title: '{c}约定广场舞时间和音量',
    description: '{c}晚上广场舞音响开得很大，一直跳到十点多，临近楼栋的老人孩子休息不好。建议议事会组织舞蹈队和居民一起商量时间和音量。',
    plan: '议事会组织舞蹈队和周边住户协商，约定活动时间为19:00—21:00，使用限音音箱，设置分贝提示牌。',
    milestones: ['协商会', '公约公示', '限音音箱配置', '一个月回访'], budget: [2000, 6000], funding: 'community_charity_fund', fundingNote: null },
  { key: 'garden', topic: 'other', categories: ['suggestion', 'greenery'], title: '{c}闲置地块改造为共享菜园',
    description: '{c}西侧有块闲置地长满杂草，还有人偷偷种菜、堆肥，气味不好。建议统一规划成共享菜园，由居民认领，定期开展自然教育活动。',
    plan: '平整闲置地约300平方米，划分认领地块30块，建设堆肥箱和雨水收集桶，制定菜园公约。',
    milestones: ['地块平整', '认领登记', '设施建设', '开园'], budget: [10000, 22000], funding: 'community_charity_fund', fundingNote: null },
];

/** The seed's own scene: the vacant lot in 尚格博园 that became a dump. */
export const VACANT_LOT_PROPOSAL = {
  title: '空地建垃圾房和晾晒点',
  description:
    '尚格博园7栋旁边的空地慢慢成了垃圾堆，生活垃圾、装修垃圾和旧家具越堆越多，天一热就臭，老鼠也多了。居民多次反映后，社区和物业清运了一次，但没有长久的办法。建议在这块空地上建一座封闭的垃圾房，集中分类投放；旁边向阳的一侧再建一个晾晒点，大家的被褥衣服有地方晒，空地也不会再被乱堆垃圾。',
  plan: '空地清表后新建封闭式垃圾房一座（约30平方米，分类投放口、洗手池、排风和监控），南侧建设晾晒点一处（不锈钢晾晒架8组、地面硬化、遮雨棚）。社区牵头，物业施工，业委会和居民代表全程监督，完工后由物业负责日常保洁和管理。',
  budgetYuan: 86000,
  fundingSource: 'community_charity_fund' as const,
  fundingNote: '社区慈善基金出资6万元，物业公司出资2.6万元',
  milestones: [
    '方案设计与居民公示',
    '空地清表与地面硬化',
    '垃圾房主体施工',
    '晾晒点安装',
    '验收并交付使用',
  ],
  progress: [
    '施工方案在尚格博园公示栏和业主群公示七天，收到居民意见11条，采纳了垃圾房远离单元门、晾晒点加装遮雨棚的建议。',
    '空地清表完成，清运杂物和建筑垃圾约12车，地面硬化已完成。',
    '垃圾房主体完工，分类投放口、洗手池和排风已安装，正在接入监控。',
    '晾晒点8组晾晒架和遮雨棚安装完成，物业安排保洁每天清洗垃圾房两次。',
  ],
  completionNote:
    '垃圾房和晾晒点已交付使用，空地再没有乱堆垃圾；物业负责日常管理，楼栋长协助督导分类投放。',
  meetingTitle: '尚格博园空地改造专题议事会',
  minutes:
    '会议由议事会主任主持，应到委员过半数即达法定人数。社区工作者周洋介绍了居民关于7栋旁空地垃圾堆的反映和清运情况；居民代表提出建垃圾房和晾晒点的方案；物业代表表示愿意承担施工和日常管理并出资一部分。经讨论，议事会表决通过“空地建垃圾房和晾晒点”，由社区牵头实施，资金来自社区慈善基金和物业公司。',
};

export const REJECTION_REASONS: readonly string[] = [
  '属于业主与开发商之间的房屋质量纠纷，不属于议事会议事范围，已引导通过12345热线和住建部门处理。',
  '涉及相邻住户之间的私人纠纷，已转社区调解室调解。',
  '建议的地块属于市政道路红线范围，社区无权改造，已反映给街道城管科。',
  '与本年度已实施完成的项目内容重复，已将该项目的成果和管理办法告知提议人。',
];

export const WITHDRAWAL_REASONS: readonly string[] = [
  '物业已经答应自行解决，先撤回，看看效果再说。',
  '和邻居商量后觉得方案还不成熟，先撤回，完善后再提。',
  '问题已经通过12345热线解决了。',
];

export const RESIDENT_COMMENTS: readonly string[] = [
  '支持！这个问题困扰我们好久了。',
  '建议施工时间避开午休和晚上，别影响老人孩子休息。',
  '希望资金使用情况能公开，大家放心。',
  '我家就在旁边，天天看着，确实该弄了。',
  '能不能先征求一下楼栋住户的意见？',
  '赞成，我愿意当志愿者帮忙。',
  '这个想法好，旁边小区已经做了，效果不错。',
  '希望后续管理跟上，不要建好了没人管。',
  '建议方案出来后在业主群里公示一下。',
  '同意，越快越好。',
  '我们楼好几户老人都盼着这个。',
  '费用怎么分摊？希望说清楚。',
];

export const STAFF_COMMENTS: readonly string[] = [
  '社区已收到，将尽快组织物业和居民代表现场查看。',
  '感谢大家的意见，方案修改后会再次公示。',
  '已联系物业测算费用，测算结果会在下次议事会上通报。',
];

/** Comments staff hid, each with the reason kept on record. */
export const HIDDEN_COMMENTS: readonly (readonly [body: string, reason: string])[] = [
  ['物业经理就是个骗子，电话139xxxx请大家去骂他！', '含人身攻击和他人电话号码，已隐藏。'],
  ['低价代办各类证件，加微信详聊。', '广告信息，与议题无关。'],
  ['谁再乱停车我就扎他轮胎！', '含威胁性言论，已隐藏并提醒文明发言。'],
];

export const EVALUATION_COMMENTS: readonly string[] = [
  '建得很好，谢谢社区和物业！',
  '比以前方便多了。',
  '希望后续维护跟上。',
  '施工期间有点吵，但结果满意。',
  '早就该这么弄了，点赞。',
];

export const PROGRESS_NOTES: readonly string[] = [
  '方案已在小区公示栏和业主群公示七天，居民无异议。',
  '施工单位已进场，施工期间设置了围挡和安全提示。',
  '主体工程完成约六成，预计按计划完工。',
  '议事会委员和居民代表到现场查看了施工质量。',
];

export const MEETING_PLACES: readonly string[] = [
  '社区党群服务中心二楼议事厅',
  '社区党群服务中心多功能室',
  '{c}百通岗共享会议室',
];

export const OUTSIDE_MEMBERS: readonly (readonly [name: string, organisation: string])[] = [
  ['物业项目经理', '物业服务中心'],
  ['社区民警', '派出所'],
];
