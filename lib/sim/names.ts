// Given names and surnames per nationality, each as "Latin/Cyrillic". Latin follows the spelling
// usual in that country's passports; Cyrillic the Russian-language rendering used in Russian
// records (Moldovan names are Latin-first, Ukrainian ones keep their Ukrainian forms).
import type { Citizenship } from '@/lib/domain/types';
import type { Rng } from './rng';

interface NameBook {
  male: string;
  female: string;
  /** A surname may carry its own feminine form after a "|": "Kovalskyi/Ковальский|Kovalska/Ковальская". */
  surnames: string;
}

const BOOKS: Record<Citizenship, NameBook> = {
  UZ: {
    male: 'Alisher/Алишер Sherzod/Шерзод Jasur/Жасур Bekzod/Бекзод Doniyor/Дониёр Sardor/Сардор Otabek/Отабек Ulugbek/Улугбек Farrukh/Фаррух Akmal/Акмал Rustam/Рустам Bobur/Бобур Javlon/Жавлон Shukhrat/Шухрат Dilshod/Дилшод Aziz/Азиз Rasul/Расул Sanjar/Санжар Timur/Тимур Islom/Ислом Abdulla/Абдулла Jakhongir/Жахонгир Azamat/Азамат Olim/Олим',
    female:
      'Dilnoza/Дилноза Gulnara/Гульнара Nodira/Нодира Malika/Малика Shakhnoza/Шахноза Feruza/Феруза Kamola/Камола Zulfiya/Зульфия Madina/Мадина Sevara/Севара',
    surnames:
      'Karimov/Каримов Yusupov/Юсупов Rakhimov/Рахимов Abdullaev/Абдуллаев Ismoilov/Исмоилов Khodjaev/Ходжаев Mirzaev/Мирзаев Tursunov/Турсунов Ergashev/Эргашев Sultanov/Султанов Nurmatov/Нурматов Kholmatov/Холматов Umarov/Умаров Rasulov/Расулов Normatov/Норматов Sobirov/Собиров Yuldashev/Юлдашев Jurayev/Жураев Akhmedov/Ахмедов Khamidov/Хамидов Usmonov/Усмонов Tojiboev/Тожибоев Mamadaliev/Мамадалиев Qodirov/Кодиров',
  },
  TJ: {
    male: 'Rustam/Рустам Farhod/Фарход Davron/Даврон Firdavs/Фирдавс Jamshed/Джамшед Saidjon/Саиджон Umed/Умед Behruz/Бехруз Parviz/Парвиз Manuchehr/Манучехр Sukhrob/Сухроб Dilshod/Дилшод Nurullo/Нурулло Bakhtiyor/Бахтиёр Khurshed/Хуршед Shokhrukh/Шохрух Ismoil/Исмоил Abdullo/Абдулло Zafar/Зафар Mehrubon/Мехрубон Siyovush/Сиёвуш Komron/Комрон',
    female:
      'Nigina/Нигина Zarina/Зарина Manizha/Манижа Firuza/Фируза Madina/Мадина Gulnora/Гулнора Shahnoza/Шахноза Tahmina/Тахмина Parvina/Парвина Sitora/Ситора',
    surnames:
      'Saidov/Саидов Rahimov/Рахимов Nazarov/Назаров Sharipov/Шарипов Kurbonov/Курбонов Davlatov/Давлатов Safarov/Сафаров Mirzoev/Мирзоев Odinaev/Одинаев Boboev/Бобоев Kholov/Холов Sangov/Сангов Rajabov/Раджабов Fayzulloev/Файзуллоев Gulov/Гулов Ashurov/Ашуров Rahimzoda/Рахимзода Nazarzoda/Назарзода Sharifzoda/Шарифзода Qurbonzoda/Курбонзода',
  },
  KG: {
    male: 'Bakyt/Бакыт Nurlan/Нурлан Azamat/Азамат Ermek/Эрмек Kanat/Канат Talant/Талант Aibek/Айбек Emil/Эмиль Daniyar/Данияр Nursultan/Нурсултан Adilet/Адилет Bektur/Бектур Chyngyz/Чынгыз Kubanychbek/Кубанычбек Almaz/Алмаз Eldiyar/Элдияр Marat/Марат Ulan/Улан Tilek/Тилек Zhyrgalbek/Жыргалбек',
    female:
      'Aidana/Айдана Begimai/Бегимай Cholpon/Чолпон Asel/Асель Zhyldyz/Жылдыз Gulmira/Гульмира Nazira/Назира Ainura/Айнура Aizada/Айзада Meerim/Мээрим',
    surnames:
      'Asanov/Асанов Usenov/Усенов Mamatov/Маматов Toktogulov/Токтогулов Abdyldaev/Абдылдаев Sadyrov/Садыров Zhumabaev/Жумабаев Osmonov/Осмонов Bakirov/Бакиров Omurbekov/Омурбеков Sulaimanov/Сулайманов Kadyrov/Кадыров Tashiev/Ташиев Israilov/Исраилов Mamytov/Мамытов Zhaparov/Жапаров Akmatov/Акматов Duishenov/Дуйшенов Temirov/Темиров Kasymov/Касымов',
  },
  KZ: {
    male: 'Nurlan/Нурлан Yerlan/Ерлан Askar/Аскар Daulet/Даулет Arman/Арман Berik/Берик Serik/Серик Yerzhan/Ержан Timur/Тимур Aidos/Айдос Dias/Диас Nursultan/Нурсултан Zhandos/Жандос Bauyrzhan/Бауыржан Marat/Марат Kairat/Кайрат',
    female:
      'Aigerim/Айгерим Dana/Дана Aliya/Алия Saule/Сауле Gulnar/Гульнар Assel/Асель Zhanar/Жанар Dinara/Динара',
    surnames:
      'Akhmetov/Ахметов Zhaksylykov/Жаксылыков Omarov/Омаров Suleimenov/Сулейменов Iskakov/Искаков Kenzhebaev/Кенжебаев Bekov/Беков Nurpeisov/Нурпеисов Sarsenbaev/Сарсенбаев Mukanov/Муканов Baimukhanov/Баймуханов Esimov/Есимов Abenov/Абенов Tulegenov/Тулегенов Zhunusov/Жунусов Smagulov/Смагулов',
  },
  GE: {
    male: 'Giorgi/Гиорги Davit/Давит Levan/Леван Irakli/Ираклий Nika/Ника Luka/Лука Zurab/Зураб Giga/Гига Lasha/Лаша Otar/Отар Tornike/Торнике Revaz/Реваз Beka/Бека Vakhtang/Вахтанг',
    female: 'Nino/Нино Tamar/Тамар Mariam/Мариам Ana/Ана Eka/Эка Salome/Саломе',
    surnames:
      'Beridze/Беридзе Kapanadze/Капанадзе Gelashvili/Гелашвили Maisuradze/Майсурадзе Giorgadze/Гиоргадзе Lomidze/Ломидзе Tsiklauri/Циклаури Bolkvadze/Болквадзе Kvaratskhelia/Кварацхелия Nozadze/Нозадзе Abashidze/Абашидзе Mamaladze/Мамаладзе Chikhladze/Чихладзе Dolidze/Долидзе Khutsishvili/Хуцишвили Japaridze/Джапаридзе',
  },
  AZ: {
    male: 'Elvin/Эльвин Rashad/Рашад Orkhan/Орхан Tural/Турал Elchin/Эльчин Farid/Фарид Ramil/Рамиль Vugar/Вугар Anar/Анар Emin/Эмин Kamran/Камран Ilgar/Ильгар Nijat/Ниджат Samir/Самир',
    female: 'Aysel/Айсель Leyla/Лейла Gunel/Гюнель Nargiz/Наргиз Sevinj/Севиндж Aynur/Айнур',
    surnames:
      'Mammadov/Мамедов Aliyev/Алиев Huseynov/Гусейнов Hasanov/Гасанов Guliyev/Кулиев Ismayilov/Исмаилов Abbasov/Аббасов Babayev/Бабаев Jafarov/Джафаров Rzayev/Рзаев Mustafayev/Мустафаев Najafov/Наджафов Suleymanov/Сулейманов Valiyev/Велиев',
  },
  MD: {
    male: 'Ion/Ион Vasile/Василе Andrei/Андрей Mihai/Михай Nicolae/Николае Sergiu/Сергиу Alexandru/Александру Vladimir/Владимир Dumitru/Думитру Gheorghe/Георге Victor/Виктор Iurie/Юрие Constantin/Константин Petru/Петру Igor/Игорь',
    female: 'Maria/Мария Elena/Елена Ana/Ана Natalia/Наталья Tatiana/Татьяна Cristina/Кристина Olga/Ольга',
    surnames:
      'Rusu/Русу Ceban/Чебан Ciobanu/Чобану Turcanu/Цуркану Lungu/Лунгу Munteanu/Мунтяну Cojocaru/Кожокару Rotari/Ротарь Popa/Попа Sirbu/Сырбу Bivol/Бивол Moraru/Морару Croitoru/Кроитору Ursu/Урсу Balan/Балан Gutu/Гуцу',
  },
  AM: {
    male: 'Armen/Армен Aram/Арам Tigran/Тигран Gevorg/Геворг Hayk/Айк Davit/Давид Narek/Нарек Karen/Карен Ashot/Ашот Vardan/Вардан Artur/Артур Hovhannes/Ованес Samvel/Самвел Arsen/Арсен',
    female: 'Anahit/Анаит Lusine/Лусине Mariam/Мариам Ani/Ани Gayane/Гаянэ Narine/Нарине',
    surnames:
      'Petrosyan/Петросян Harutyunyan/Арутюнян Sargsyan/Саргсян Grigoryan/Григорян Hovhannisyan/Оганесян Khachatryan/Хачатрян Vardanyan/Варданян Gevorgyan/Геворгян Karapetyan/Карапетян Mkrtchyan/Мкртчян Avetisyan/Аветисян Stepanyan/Степанян Hakobyan/Акопян Martirosyan/Мартиросян',
  },
  UA: {
    male: 'Oleksandr/Олександр Mykola/Микола Vasyl/Василь Dmytro/Дмитро Bohdan/Богдан Taras/Тарас Oleh/Олег Petro/Петро Maksym/Максим Roman/Роман Serhii/Сергей Yurii/Юрий Andrii/Андрей Vitalii/Виталий Vladyslav/Владислав',
    female: 'Olena/Олена Nataliia/Наталья Oksana/Оксана Iryna/Ирина Tetiana/Тетяна Yuliia/Юлия Olha/Ольга',
    surnames:
      'Shevchenko/Шевченко Bondarenko/Бондаренко Kovalenko/Коваленко Tkachenko/Ткаченко Kravchenko/Кравченко Melnyk/Мельник Boiko/Бойко Kravchuk/Кравчук Savchuk/Савчук Lysenko/Лысенко Marchenko/Марченко Rudenko/Руденко Moroz/Мороз Polishchuk/Полищук Kovalchuk/Ковальчук Oliinyk/Олейник Shevchuk/Шевчук Ponomarenko/Пономаренко Kovalskyi/Ковальский|Kovalska/Ковальская Ostrovskyi/Островский|Ostrovska/Островская',
  },
};

interface Pair {
  latin: string;
  cyrillic: string;
}

interface Surname {
  male: Pair;
  female: Pair;
}

function parsePair(text: string): Pair {
  const [latin = '', cyrillic = ''] = text.split('/');
  if (!latin || !cyrillic) throw new Error(`name entry "${text}" needs Latin/Cyrillic`);
  return { latin, cyrillic };
}

// Russian-style surnames take a feminine ending (-ov → -ova, -in → -ina); others do not change.
function feminize(p: Pair): Pair {
  return /(ов|ев|ёв|ин|ын)$/.test(p.cyrillic) ? { latin: `${p.latin}a`, cyrillic: `${p.cyrillic}а` } : p;
}

function parseSurname(text: string): Surname {
  const [male = '', female] = text.split('|');
  const m = parsePair(male);
  return { male: m, female: female ? parsePair(female) : feminize(m) };
}

interface ParsedBook {
  male: Pair[];
  female: Pair[];
  surnames: Surname[];
}

const parsed = new Map<Citizenship, ParsedBook>();

function getBook(citizenship: Citizenship): ParsedBook {
  let book = parsed.get(citizenship);
  if (!book) {
    const raw = BOOKS[citizenship];
    book = {
      male: raw.male.split(/\s+/).map(parsePair),
      female: raw.female.split(/\s+/).map(parsePair),
      surnames: raw.surnames.split(/\s+/).map(parseSurname),
    };
    parsed.set(citizenship, book);
  }
  return book;
}

export type Sex = 'male' | 'female';

export interface PersonName {
  latin: string;
  cyrillic: string;
}

export function generateName(rng: Rng, citizenship: Citizenship, sex: Sex): PersonName {
  const book = getBook(citizenship);
  const given = rng.pick(sex === 'male' ? book.male : book.female);
  const surname = rng.pick(book.surnames)[sex];
  return { latin: `${given.latin} ${surname.latin}`, cyrillic: `${given.cyrillic} ${surname.cyrillic}` };
}

/** Share of women among the workers of each nationality: labour migration here is mostly male. */
export const FEMALE_SHARE: Record<Citizenship, number> = {
  UZ: 0.12,
  TJ: 0.08,
  KG: 0.3,
  KZ: 0.25,
  GE: 0.2,
  AZ: 0.1,
  MD: 0.3,
  AM: 0.15,
  UA: 0.3,
};
