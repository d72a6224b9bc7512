import type { Framework } from '../framework/types.js';
import { aspect, assessed, fromMetric, linear, section } from './build.js';

const DISTRICT_ONLY = { district_inspection: 1 };
const THIRD_PARTY_ONLY = { third_party_monitoring: 1 };
const ON_SITE = { district_inspection: 0.5, street_cross_inspection: 0.5 };

/**
 * A sample framework of the shape of group standard T/LJXQSCFW007-2022 (3 sections, 15 aspects,
 * 90 indicators, 100 points). The real indicator list is not public: the indicators, points and
 * anchors here are illustrative and are to be replaced by the bureau. Metric anchors follow the
 * district's reported figures (e.g. satisfaction 94% → 99.5%, repeat handling 5% → 0.1%).
 */
export const sampleFramework2022: Framework = {
  id: 'ljxq-harmonious-community-2022-sample',
  version: '2022.1-sample',
  name: {
    zh: '两江新区和谐社区等级评定规范（T/LJXQSCFW007-2022）示例指标体系',
    en: 'Liangjiang harmonious-community grading standard (T/LJXQSCFW007-2022), sample framework',
  },
  description: {
    zh: '示例：结构与2022年团体标准一致（3个板块、15个方面、90项指标），指标内容须由区社会保障局替换。',
    en: 'Sample: shaped like the 2022 group standard (3 sections, 15 aspects, 90 indicators); the indicators are to be replaced by the district social security bureau.',
  },
  effectiveYear: 2022,
  totalPoints: 100,
  sample: true,
  assessmentWeights: {
    district_inspection: 0.4,
    third_party_monitoring: 0.4,
    street_cross_inspection: 0.2,
  },
  sections: [
    section('party_leadership', '党建引领', 'Party-building leadership', 30, [
      aspect('organisation', '组织体系', 'Organisation system', 6, [
        [
          'party_organisation',
          '社区党组织设置规范',
          'Community Party organisation set up to rule',
          1,
        ],
        [
          'compound_branches',
          '小区党支部、网格党小组全覆盖',
          'Party branches in every compound and grid',
          1,
        ],
        [
          'one_shoulder',
          '党组织书记兼任居委会主任',
          'Party secretary also chairs the residents’ committee',
          1,
        ],
        [
          'joint_meetings',
          '党建联席会议定期召开',
          'Joint party-building meetings held regularly',
          1,
        ],
        [
          'building_leaders',
          '居民小组长、楼栋长队伍健全',
          'Resident-group and building leaders in place',
          1,
        ],
        [
          'leads_deliberation',
          '党组织领导议事协商',
          'Party organisation leads council deliberation',
          1,
        ],
      ]),
      aspect('party_members', '党员管理', 'Party member management', 6, [
        ['education', '党员教育培训', 'Party member education and training', 1],
        ['three_meetings', '“三会一课”落实', '“Three meetings and one lesson” held', 1],
        [
          'employed_report',
          '在职党员进社区报到服务',
          'Employed members register and serve locally',
          1,
        ],
        ['posts_duties', '党员设岗定责', 'Members hold posts with set duties', 1],
        ['mobile_members', '流动党员管理', 'Mobile party members managed', 1],
        ['care_in_hardship', '困难党员关爱帮扶', 'Care for members in hardship', 1],
      ]),
      aspect('venues', '阵地建设', 'Venues', 6, [
        [
          'service_centre',
          '党群服务中心标准化建设',
          'Party-mass service centre built to standard',
          1,
          assessed(ON_SITE),
        ],
        [
          'baitong_desks',
          '百通岗覆盖所有小区',
          'A Baitong desk serves every compound',
          1,
          assessed(ON_SITE),
        ],
        [
          'shared_space',
          '压缩办公区、扩大共享空间',
          'Office space reduced, shared space enlarged',
          1,
          assessed(ON_SITE),
        ],
        ['service_points_24h', '24小时便民服务点', '24-hour convenience service points', 1],
        ['social_work_room', '社工室设立并运行', 'Social-work room set up and running', 1],
        ['evening_opening', '阵地开放至21:30', 'Venues open until 21:30', 1],
      ]),
      aspect('democracy', '民主制度', 'Democratic systems', 6, [
        ['affairs_public', '居务公开', 'Community affairs made public', 1],
        [
          'assemblies',
          '居民会议、居民代表会议制度',
          'Residents’ and representatives’ assemblies held',
          1,
        ],
        ['covenant', '居民公约修订与执行', 'Residents’ covenant revised and applied', 1],
        ['appraisal', '居民民主评议', 'Democratic appraisal by residents', 1],
        ['finance_audit', '财务公开与审计', 'Finances published and audited', 1],
        [
          'lawful_elections',
          '依法组织换届选举',
          'Elections held according to law',
          1,
          assessed(DISTRICT_ONLY),
        ],
      ]),
      aspect('workforce', '队伍建设', 'Community workforce', 6, [
        [
          'attrition',
          '社区工作者流失率',
          'Community worker attrition',
          1.5,
          fromMetric('worker_attrition_rate', linear(0.227, 0.003)),
        ],
        [
          'pay',
          '社区工作者人均报酬',
          'Community workers’ average pay',
          1,
          fromMetric('worker_avg_pay_yuan', linear(2800, 5200)),
        ],
        [
          'certified',
          '持证社区工作者占比',
          'Share of workers holding the social-work certificate',
          1,
          fromMetric('worker_certified_share', linear(0.342, 0.788)),
        ],
        [
          'bachelor',
          '本科及以上学历占比',
          'Share of workers with a bachelor’s degree or above',
          1,
          fromMetric('worker_bachelor_share', {
            type: 'bands',
            bands: [
              { min: 0.6488, points: 1 },
              { min: 0.5, max: 0.6488, points: 0.6 },
              { min: 0.3512, max: 0.5, points: 0.3 },
            ],
          }),
        ],
        [
          'average_age',
          '社区工作者平均年龄',
          'Community workers’ average age',
          0.5,
          fromMetric('worker_avg_age', linear(48, 32)),
        ],
        ['training', '社区工作者培训与职业发展', 'Worker training and career development', 1],
      ]),
    ]),
    section('co_building', '多元共建', 'Co-building by many actors', 35, [
      aspect('diverse_actors', '多元主体', 'Diverse actors', 7, [
        ['resident_units', '驻区单位共驻共建', 'Units based in the community co-build', 1.5],
        ['social_organisations', '社会组织孵化培育', 'Social organisations incubated', 1.5],
        ['volunteer_teams', '志愿服务队伍建设', 'Volunteer teams built', 1],
        [
          'property_companies',
          '物业服务企业参与治理',
          'Property companies take part in governance',
          1,
        ],
        ['third_party_services', '引入第三方多元化服务', 'Third-party services brought in', 1],
        ['charity_fund', '社区公益基金', 'Community charity fund', 1],
      ]),
      aspect('self_governance', '居民自治', 'Residents’ self-governance', 7, [
        [
          'participation',
          '居民自治参与率',
          'Self-governance participation rate',
          2,
          fromMetric('participation_rate', linear(0.6, 0.8)),
        ],
        [
          'proposals_adopted',
          '幸福议事会议题采纳数',
          'Council proposals adopted',
          1.5,
          fromMetric('proposals_adopted', {
            type: 'bands',
            bands: [
              { min: 12, points: 1.5 },
              { min: 6, max: 12, points: 1 },
              { min: 2, max: 6, points: 0.5 },
            ],
          }),
        ],
        [
          'proposals_completed',
          '议事项目完成数',
          'Council projects completed',
          1,
          fromMetric('proposals_completed', { type: 'threshold', atLeast: 6 }),
        ],
        ['council_rules', '幸福议事会规范运行', 'Council runs to its rules', 1],
        ['minutes_public', '议事记录与表决结果公开', 'Council minutes and votes published', 0.5],
        ['compound_bodies', '小区自治组织健全', 'Compound self-governance bodies in place', 1],
      ]),
      aspect('desk_service', '百通岗服务', 'Baitong desk service', 7, [
        [
          'accept_on_time',
          '按时受理率',
          'Requests accepted on time',
          1.5,
          fromMetric('sla_accept_compliance', linear(0.8, 0.99)),
        ],
        [
          'resolve_on_time',
          '按时办结率',
          'Requests resolved on time',
          1.5,
          fromMetric('sla_resolve_compliance', linear(0.8, 0.98)),
        ],
        [
          'first_contact',
          '首次接触解决率',
          'First-contact resolution',
          1,
          fromMetric('first_contact_resolution', {
            type: 'bands',
            bands: [
              { min: 0.9, points: 1 },
              { min: 0.8, max: 0.9, points: 0.7 },
              { min: 0.7, max: 0.8, points: 0.4 },
            ],
          }),
        ],
        [
          'evening_service',
          '晚间（17:30后）服务占比',
          'Share of service after 17:30',
          1,
          fromMetric('evening_service_share', { type: 'threshold', atLeast: 0.1 }),
        ],
        ['service_list', '“一岗通办”事项清单公开', 'Single-desk service list published', 1],
        ['case_records', '服务台账与办理留痕', 'Case records kept complete', 1],
      ]),
      aspect('smart_community', '智慧社区', 'Smart community', 7, [
        [
          'app_registration',
          '居民APP注册率',
          'Residents registered in the app',
          2,
          fromMetric('app_registration_rate', linear(0.05, 0.4)),
        ],
        [
          'app_active',
          '注册居民线上办事率',
          'Registered residents who use the app',
          2,
          fromMetric('app_active_rate', linear(0.3, 0.8)),
        ],
        ['online_affairs', '线上可办事项覆盖', 'Affairs that can be handled online', 1],
        ['smart_upgrades', '智慧化改造', 'Smart upgrades', 0.5],
        [
          'data_protection',
          '数据安全与个人信息保护',
          'Data security and personal information protection',
          1,
          assessed(THIRD_PARTY_ONLY),
        ],
        ['online_publicity', '线上议事与公开', 'Online deliberation and publicity', 0.5],
      ]),
      aspect('social_work', '社会工作', 'Professional social work', 7, [
        [
          'followup_coverage',
          '办结回访覆盖率',
          'Resolved cases followed up',
          1.5,
          fromMetric('followup_coverage', linear(0.8, 1)),
        ],
        [
          'followup_on_time',
          '回访及时率',
          'Follow-ups done on time',
          1.5,
          fromMetric('followup_timeliness', {
            type: 'bands',
            bands: [
              { min: 0.95, points: 1.5 },
              { min: 0.85, max: 0.95, points: 1 },
              { min: 0.7, max: 0.85, points: 0.5 },
            ],
          }),
        ],
        ['projects', '社工项目实施', 'Social-work projects run', 1],
        ['qualified_staff', '专业社工配备', 'Qualified social workers employed', 1],
        ['three_levels', '三级社会工作服务体系', 'Three-level social-work service system', 1],
        ['vulnerable_groups', '特殊群体关爱服务', 'Care for vulnerable groups', 1],
      ]),
    ]),
    section('shared_civility', '共享文明', 'Shared civility', 35, [
      aspect('safety', '安全稳定', 'Safety and stability', 7, [
        [
          'mediation',
          '矛盾纠纷调解率',
          'Disputes mediated',
          2,
          fromMetric('mediation_rate', linear(0.61, 0.98)),
        ],
        [
          'dispute_screening',
          '矛盾纠纷排查化解机制',
          'Dispute screening and resolution mechanism',
          1,
        ],
        ['grid_management', '网格化管理', 'Grid management', 1],
        ['fire_hazards', '消防与安全隐患整治', 'Fire and safety hazards fixed', 1],
        ['emergency_drills', '应急预案与演练', 'Emergency plans and drills', 1],
        [
          'no_major_incident',
          '无重大安全事件和群体性事件',
          'No major safety or mass incident',
          1,
          assessed(DISTRICT_ONLY),
        ],
      ]),
      aspect('neighbourliness', '邻里和睦', 'Neighbourly harmony', 7, [
        ['festivals', '邻里节与邻里活动', 'Neighbourhood festivals and activities', 1.5],
        ['mutual_aid', '邻里互助', 'Mutual aid among neighbours', 1.5],
        ['foreign_residents', '外籍居民融入服务', 'Services that include foreign residents', 1],
        ['model_neighbours', '文明家庭、好邻居评选', 'Model families and good neighbours', 1],
        ['building_covenants', '楼栋公约', 'Building covenants', 1],
        ['early_detection', '邻里矛盾早发现早化解', 'Neighbour disputes caught early', 1],
      ]),
      aspect('satisfaction', '居民满意', 'Resident satisfaction', 7, [
        [
          'satisfaction',
          '居民满意度',
          'Resident satisfaction',
          2.5,
          fromMetric('satisfaction_rate', linear(0.94, 0.995)),
        ],
        [
          'repeat_handling',
          '同一事项二次办理率',
          'Same matter handled a second time',
          1.5,
          fromMetric('repeat_handling_rate', linear(0.05, 0.001)),
        ],
        [
          'spot_checks',
          '第三方满意度抽查',
          'Third-party satisfaction spot checks',
          1,
          assessed(THIRD_PARTY_ONLY),
        ],
        ['public_responses', '居民诉求公开回应', 'Public responses to residents’ concerns', 1],
        ['hotline_cases', '12345热线工单办理', '12345 hotline cases handled', 0.5],
        ['suggestions_feedback', '意见建议反馈', 'Feedback on suggestions', 0.5],
      ]),
      aspect('civility', '文明创建', 'Civility building', 7, [
        ['garbage_sorting', '垃圾分类', 'Garbage sorting', 1.5],
        ['environment', '环境卫生与小区微整治', 'Environment and compound micro-renewal', 1.5],
        ['practice_station', '新时代文明实践站', 'Civilisation practice station', 1],
        ['customs', '移风易俗', 'Civilised customs promoted', 1],
        ['culture_sport', '文化体育活动', 'Cultural and sports activities', 1],
        ['reading', '全民阅读与智慧书房', 'Reading and the smart study room', 1],
      ]),
      aspect('highlights', '特色亮点', 'Distinctive highlights', 7, [
        ['signature_project', '特色服务项目', 'Distinctive service project', 2],
        ['international_services', '国际化社区服务', 'International community services', 1],
        ['innovation_adopted', '创新经验被推广', 'Innovations adopted elsewhere', 1.5],
        ['honours', '荣誉表彰', 'Honours received', 1],
        ['publicity', '宣传报道', 'Publicity', 0.5],
        ['case_studies', '社区治理典型案例', 'Community governance case studies', 1],
      ]),
    ]),
  ],
};
