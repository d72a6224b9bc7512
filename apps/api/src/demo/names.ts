/**
 * Name pools for the demo people: Chinese names with a Chongqing flavour
 * (陈、李、张、王、刘、杨、黄、周、谭、罗 lead the surnames there), given names that
 * follow the fashion of each generation, and the foreign residents of the
 * international compound in 和睦路社区 (27 countries).
 */
import { WeightedTable, type Rng } from './prng';

export type Gender = 'm' | 'f';

/** Surnames with rough relative frequencies in Chongqing. */
// prettier-ignore
const SURNAMES: readonly (readonly [string, number])[] = [
  ['陈', 80], ['李', 78], ['张', 70], ['王', 66], ['刘', 62], ['杨', 50], ['黄', 36], ['周', 34],
  ['谭', 30], ['罗', 30], ['吴', 26], ['何', 26], ['徐', 22], ['胡', 22], ['曾', 20], ['赵', 20],
  ['彭', 18], ['唐', 18], ['邓', 18], ['冉', 16], ['向', 16], ['秦', 14], ['蒋', 14], ['熊', 14],
  ['朱', 14], ['孙', 12], ['马', 12], ['郭', 12], ['余', 12], ['林', 12], ['田', 12], ['廖', 12],
  ['高', 12], ['谢', 11], ['袁', 11], ['肖', 11], ['郑', 10], ['梁', 10], ['宋', 10], ['许', 10],
  ['韩', 9], ['冯', 9], ['曹', 9], ['程', 9], ['付', 9], ['蔡', 8], ['杜', 8], ['叶', 8],
  ['苏', 8], ['魏', 8], ['任', 8], ['沈', 7], ['姚', 7], ['卢', 7], ['钟', 7], ['陶', 7],
  ['汪', 6], ['范', 6], ['夏', 6], ['邹', 6], ['龙', 6], ['雷', 6], ['贺', 6], ['龚', 6],
  ['文', 5], ['万', 5], ['严', 5], ['毛', 5], ['黎', 5], ['牟', 5], ['税', 3], ['游', 4],
];
const SURNAME_TABLE = new WeightedTable(SURNAMES);

/** Given names by gender and by generation (born before 1970, 1970–1994, 1995 on). */
// prettier-ignore
const GIVEN: Record<Gender, { older: readonly string[]; middle: readonly string[]; younger: readonly string[] }> = {
  m: {
    older: ['建国', '国强', '德明', '志刚', '永福', '长林', '德华', '国华', '建华', '明德', '光荣', '树林',
      '文才', '学军', '正清', '家富', '世荣', '大川', '忠', '福', '强', '明', '华', '勇', '军', '德全', '永红'],
    middle: ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '刚', '平', '辉', '鹏', '波', '健', '俊',
      '峰', '亮', '海涛', '建军', '志强', '晓东', '海波', '小龙', '俊杰', '文杰', '永刚', '志勇', '红兵',
      '建平', '洪', '林', '川', '渝', '晓峰', '小兵', '春林', '家伟', '宏伟', '德勇'],
    younger: ['子轩', '浩然', '宇航', '梓豪', '俊熙', '一鸣', '博文', '思远', '明轩', '睿', '浩宇', '子墨',
      '宇轩', '天佑', '嘉豪', '志远', '铭', '泽宇', '皓', '晨', '俊宇', '煜', '奕辰', '逸飞', '家乐', '洋', '阳'],
  },
  f: {
    older: ['秀英', '桂芳', '玉兰', '淑珍', '凤英', '秀兰', '桂兰', '翠华', '素芬', '秀珍', '玉梅', '春花',
      '桂英', '德芳', '淑华', '琼', '英', '芬', '兰', '萍', '珍', '光碧', '成芬', '素琼'],
    middle: ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '琳', '慧', '颖', '倩',
      '红梅', '小燕', '晓丽', '丽娟', '海燕', '秀梅', '春燕', '晓红', '莉', '蓉', '小琴', '佳', '丹',
      '红', '晓燕', '利', '渝', '小梅', '艳玲'],
    younger: ['梓涵', '欣怡', '思琪', '雨桐', '诗涵', '可欣', '佳怡', '梦瑶', '语嫣', '紫萱', '一诺', '雨萱',
      '若曦', '静怡', '晓雯', '心怡', '婉清', '悦', '萱', '琪', '彤', '瑶', '欣然', '安琪', '佳琪', '雨欣'],
  },
};

export function chineseName(rng: Rng, gender: Gender, birthYear: number): string {
  const pools = GIVEN[gender];
  const pool = birthYear < 1970 ? pools.older : birthYear < 1995 ? pools.middle : pools.younger;
  return rng.draw(SURNAME_TABLE) + rng.pick(pool);
}

interface ForeignPool {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
  /** Family name first (Korean, Japanese, Vietnamese, Singaporean Chinese). */
  familyFirst?: boolean;
  /** Family name of a woman, e.g. the Russian feminine ending. */
  feminine?: (family: string) => string;
  /** Passport-like document number. */
  passport: (rng: Rng) => string;
}

const digits = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
const letters = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(65 + rng.int(0, 25));
  return s;
};
const letterThenDigits =
  (n: number, first?: string) =>
  (rng: Rng): string =>
    (first ?? letters(rng, 1)) + digits(rng, n);
const lettersThenDigits =
  (l: number, n: number) =>
  (rng: Rng): string =>
    letters(rng, l) + digits(rng, n);
const digitsOnly =
  (n: number) =>
  (rng: Rng): string =>
    String(rng.int(1, 9)) + digits(rng, n - 1);

const ENGLISH = {
  male: [
    'James',
    'Michael',
    'David',
    'Daniel',
    'Thomas',
    'Matthew',
    'Andrew',
    'Ryan',
    'Benjamin',
    'Jack',
  ],
  female: [
    'Emily',
    'Sarah',
    'Olivia',
    'Sophie',
    'Hannah',
    'Jessica',
    'Emma',
    'Grace',
    'Laura',
    'Chloe',
  ],
  family: [
    'Smith',
    'Johnson',
    'Brown',
    'Taylor',
    'Wilson',
    'Miller',
    'Clarke',
    'Walker',
    'Evans',
    'Thompson',
  ],
} as const;
const SPANISH = {
  male: ['Carlos', 'Javier', 'Diego', 'Alejandro', 'Miguel', 'Pablo'],
  female: ['María', 'Lucía', 'Sofía', 'Carmen', 'Valentina', 'Elena'],
  family: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Hernández', 'Torres', 'Ramírez'],
} as const;

/** The 27 countries of the international compound, most represented first. */
// prettier-ignore
export const FOREIGN_POOLS: Readonly<Record<string, ForeignPool>> = {
  KR: { male: ['Min-jun', 'Ji-hoon', 'Hyun-woo', 'Seung-ho', 'Dong-hyun'], female: ['Seo-yeon', 'Ji-woo', 'Soo-ah', 'Ha-eun', 'Min-ji'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'], familyFirst: true, passport: letterThenDigits(8, 'M') },
  JP: { male: ['Haruto', 'Sota', 'Ren', 'Takumi', 'Kenji'], female: ['Yui', 'Hina', 'Aoi', 'Sakura', 'Yuki'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito'], familyFirst: true, passport: lettersThenDigits(2, 7) },
  US: { ...ENGLISH, passport: digitsOnly(9) },
  DE: { male: ['Lukas', 'Felix', 'Jonas', 'Maximilian', 'Paul'], female: ['Anna', 'Lena', 'Marie', 'Laura', 'Katharina'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner'], passport: lettersThenDigits(1, 8) },
  SG: { male: ['Wei Ming', 'Jun Jie', 'Zhi Hao', 'Kai Wen'], female: ['Hui Min', 'Xin Yi', 'Li Ting', 'Jia Hui'],
    family: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong'], familyFirst: true, passport: (rng) => `K${digits(rng, 7)}${letters(rng, 1)}` },
  GB: { ...ENGLISH, passport: digitsOnly(9) },
  FR: { male: ['Louis', 'Hugo', 'Julien', 'Antoine', 'Nicolas'], female: ['Camille', 'Chloé', 'Léa', 'Manon', 'Claire'],
    family: ['Martin', 'Bernard', 'Dubois', 'Laurent', 'Moreau', 'Lefèvre'], passport: (rng) => `${digits(rng, 2)}${letters(rng, 2)}${digits(rng, 5)}` },
  RU: { male: ['Dmitry', 'Ivan', 'Sergey', 'Alexey', 'Nikolai'], female: ['Anna', 'Olga', 'Elena', 'Natalia', 'Irina'],
    family: ['Petrov', 'Smirnov', 'Volkov', 'Sokolov', 'Popov', 'Kuznetsov'], feminine: (f) => `${f}a`, passport: digitsOnly(9) },
  IN: { male: ['Arjun', 'Rahul', 'Vikram', 'Rohan', 'Aditya'], female: ['Priya', 'Ananya', 'Sneha', 'Kavya', 'Divya'],
    family: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Reddy', 'Iyer'], passport: letterThenDigits(7) },
  TH: { male: ['Somchai', 'Anan', 'Niran', 'Kittisak', 'Prasert'], female: ['Siriporn', 'Kanya', 'Malee', 'Nattaya', 'Pimchanok'],
    family: ['Srisuk', 'Wongsa', 'Chaiyaporn', 'Suksawat', 'Rattana', 'Boonmee'], passport: lettersThenDigits(2, 7) },
  MY: { male: ['Ahmad', 'Hafiz', 'Farid', 'Amir', 'Zul'], female: ['Nur Aisyah', 'Siti', 'Farah', 'Nurul', 'Aina'],
    family: ['Ibrahim', 'Rahman', 'Hassan', 'Abdullah', 'Yusof', 'Osman'], passport: letterThenDigits(8, 'A') },
  VN: { male: ['Minh', 'Duc', 'Quang', 'Tuan', 'Hung'], female: ['Lan', 'Huong', 'Mai', 'Thao', 'Linh'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu'], familyFirst: true, passport: letterThenDigits(7, 'C') },
  IT: { male: ['Marco', 'Luca', 'Matteo', 'Alessandro', 'Giorgio'], female: ['Giulia', 'Chiara', 'Sara', 'Francesca', 'Martina'],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'], passport: lettersThenDigits(2, 7) },
  CA: { ...ENGLISH, passport: lettersThenDigits(2, 6) },
  AU: { ...ENGLISH, passport: letterThenDigits(7) },
  PK: { male: ['Ali', 'Hamza', 'Usman', 'Bilal', 'Faisal'], female: ['Ayesha', 'Fatima', 'Zainab', 'Hira', 'Sana'],
    family: ['Khan', 'Ahmed', 'Malik', 'Hussain', 'Qureshi', 'Butt'], passport: lettersThenDigits(2, 7) },
  ES: { ...SPANISH, passport: lettersThenDigits(3, 6) },
  NL: { male: ['Daan', 'Bram', 'Thijs', 'Sem', 'Lars'], female: ['Sanne', 'Lotte', 'Eva', 'Fleur', 'Anouk'],
    family: ['de Jong', 'Jansen', 'de Vries', 'van Dijk', 'Bakker', 'Visser'], passport: (rng) => letters(rng, 2) + letters(rng, 1) + digits(rng, 6) },
  BR: { male: ['Gabriel', 'Lucas', 'Pedro', 'Rafael', 'Mateus'], female: ['Ana', 'Beatriz', 'Juliana', 'Larissa', 'Camila'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Pereira'], passport: lettersThenDigits(2, 6) },
  ID: { male: ['Budi', 'Agus', 'Rizky', 'Andi', 'Dimas'], female: ['Sari', 'Dewi', 'Putri', 'Ayu', 'Indah'],
    family: ['Santoso', 'Wijaya', 'Pratama', 'Saputra', 'Hidayat', 'Kusuma'], passport: letterThenDigits(7) },
  PH: { male: ['Jose', 'Mark', 'John Paul', 'Carlo', 'Miguel'], female: ['Maria', 'Angelica', 'Kristine', 'Joy', 'Patricia'],
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza'], passport: (rng) => `P${digits(rng, 7)}${letters(rng, 1)}` },
  MX: { ...SPANISH, passport: letterThenDigits(8, 'G') },
  BD: { male: ['Rahim', 'Tanvir', 'Imran', 'Sakib', 'Arif'], female: ['Nusrat', 'Farzana', 'Sadia', 'Tahmina', 'Rumana'],
    family: ['Hossain', 'Islam', 'Rahman', 'Chowdhury', 'Akter', 'Uddin'], passport: lettersThenDigits(2, 7) },
  LA: { male: ['Khamphet', 'Bounmy', 'Somphone', 'Souksavanh', 'Vilaysak'], female: ['Vilayvanh', 'Phonesavanh', 'Manivone', 'Keo', 'Noy'],
    family: ['Phommachanh', 'Sisouk', 'Vongsa', 'Keomany', 'Inthavong', 'Sengdara'], passport: letterThenDigits(7, 'P') },
  EG: { male: ['Omar', 'Ahmed', 'Youssef', 'Karim', 'Mahmoud'], female: ['Mariam', 'Nour', 'Salma', 'Yasmin', 'Hana'],
    family: ['Hassan', 'Mahmoud', 'Ibrahim', 'Mostafa', 'Saleh', 'Farouk'], passport: letterThenDigits(8, 'A') },
  NG: { male: ['Chinedu', 'Emeka', 'Tunde', 'Ifeanyi', 'Segun'], female: ['Ngozi', 'Amaka', 'Funmi', 'Chioma', 'Aisha'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu'], passport: letterThenDigits(8, 'A') },
  KE: { male: ['Brian', 'Kevin', 'Dennis', 'Collins', 'Kamau'], female: ['Faith', 'Mercy', 'Wanjiru', 'Achieng', 'Grace'],
    family: ['Otieno', 'Mwangi', 'Kamau', 'Ochieng', 'Njoroge', 'Wanjala'], passport: letterThenDigits(7, 'A') },
};

/** ISO 3166 alpha-2 codes in FOREIGN_POOLS, most represented first. */
export const FOREIGN_NATIONALITIES: readonly string[] = Object.keys(FOREIGN_POOLS);

/** Relative weight of each nationality: Korean, Japanese, American and German residents lead. */
export function nationalityWeights(): number[] {
  return FOREIGN_NATIONALITIES.map((_, i) => Math.max(1, 14 - i));
}

export function foreignPerson(rng: Rng, nationality: string): { name: string; passport: string } {
  const pool = FOREIGN_POOLS[nationality];
  if (!pool) throw new RangeError(`no name pool for ${nationality}`);
  const female = rng.chance(0.5);
  const given = rng.pick(female ? pool.female : pool.male);
  let family = rng.pick(pool.family);
  if (female && pool.feminine) family = pool.feminine(family);
  const name = pool.familyFirst ? `${family} ${given}` : `${given} ${family}`;
  return { name, passport: pool.passport(rng) };
}
