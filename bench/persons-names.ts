/**
 * Name tables for the generated persons (bench/persons-data.ts). Each name part lists its usual
 * Latin spellings (the first is the common one) and, for Arabic and Cyrillic, the original script.
 * Written as compact strings: `Latin1/Latin2/...=native`.
 */
export interface NamePart {
  latin: string[];
  native?: string;
}

export interface Culture {
  key: string;
  script?: "Arab" | "Cyrl";
  male: NamePart[];
  female: NamePart[];
  middle?: NamePart[];
  family: NamePart[];
  middleRate: number;
  /** Russian-style feminine surnames. */
  feminine?: boolean;
  /** Nationalities (ISO alpha-2). */
  countries: string[];
  /** Bureaus that typically report such persons besides the person's own country. */
  reporters: string[];
}

function parts(spec: string): NamePart[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [latin = "", native] = entry.split("=");
      return { latin: latin.split("/").map((s) => s.replace(/_/g, " ")), native: native?.replace(/_/g, " ") };
    });
}

const arabicMale = parts(`
  Mohammed/Muhammad/Mohamed/Mohamad/Muhammed=محمد Ahmed/Ahmad=أحمد Ali=علي Omar/Umar=عمر Khalid/Khaled=خالد
  Youssef/Yusuf/Yousef/Youssouf=يوسف Hassan/Hasan=حسن Hussein/Husayn/Hussain/Husein=حسين Ibrahim/Ebrahim=إبراهيم
  Abdullah/Abdallah/Abd_Allah=عبد_الله Mustafa/Mostafa/Moustafa=مصطفى Tariq/Tarek/Tarik=طارق Karim/Kareem=كريم
  Samir/Sameer=سمير Walid/Waleed=وليد Bilal=بلال Hamza/Hamzah=حمزة Anas=أنس Said/Saeed/Sayed=سعيد Nabil/Nabeel=نبيل
  Rashid/Rachid/Rasheed=راشد Faisal/Faysal=فيصل Ziad/Ziyad=زياد Jamal/Gamal=جمال Majid/Maged=ماجد
  Osama/Usama/Oussama=أسامة Yassin/Yasin/Yacine=ياسين Adel/Adil=عادل Mahmoud/Mahmud=محمود Abdelaziz/Abdulaziz=عبد_العزيز
  Salim/Selim=سليم Marwan=مروان Imad/Emad=عماد Fadi=فادي Nasser/Nasir=ناصر Jihad=جهاد Amir/Ameer=أمير
`);
const arabicFemale = parts(`
  Fatima/Fatma/Fatimah=فاطمة Aisha/Aicha/Ayesha=عائشة Maryam/Mariam/Meryem=مريم Khadija/Khadidja/Khadijah=خديجة
  Zainab/Zaynab/Zeinab=زينب Layla/Leila/Laila=ليلى Nour/Noor=نور Amina/Aminah=أمينة Salma=سلمى Huda/Houda=هدى
  Rania=رانيا Samira/Sameera=سميرة Hanan=حنان Asma/Asmaa=أسماء Sara/Sarah=سارة Yasmin/Yasmine=ياسمين
`);
const arabicFamily = parts(`
  Al-Hashimi/Al_Hashimi/Alhashimi/El_Hachemi=الهاشمي Al-Masri/El_Masri/Almasri=المصري Haddad/Hadad=حداد
  Khoury/Khouri/Khuri=خوري Mansour/Mansur=منصور Nasser/Nasir/Naser=ناصر Saleh/Salih=صالح
  Abdelrahman/Abdul_Rahman/Abderrahmane=عبد_الرحمن Al-Tamimi/Al_Tamimi/Tamimi=التميمي Al-Zahrani/Alzahrani=الزهراني
  Qureshi/Kureshi/Qurashi=قريشي Hamdan=حمدان Darwish/Darwiche/Derwish=درويش Barakat=بركات Al-Shami/Ash-Shami/El_Chami=الشامي
  Al-Iraqi/Al_Iraqi=العراقي Benali/Ben_Ali=بن_علي Bouazizi=بوعزيزي Farouk/Farouq/Faruq=فاروق Jaber/Jabir=جابر
  Khalil/Khaleel=خليل Sabbagh/Sabagh=صباغ Taha=طه Al-Baghdadi/Al_Baghdadi=البغدادي Al-Ansari/Alansari=الأنصاري
  Awad/Awwad=عوض Suleiman/Sulayman/Soliman=سليمان Hamid/Hamed=حامد Al-Obeidi/Al_Ubaydi/Obeidi=العبيدي
  Al-Jabouri/Al_Jaburi/Jabouri=الجبوري Al-Dulaimi/Dulaimi=الدليمي Zawahiri/Al-Zawahiri=الظواهري Haroun/Harun=هارون
  Al-Harbi/Alharbi=الحربي Al-Qahtani/Alqahtani=القحطاني Al-Shehri/Alshehri=الشهري Bakr/Bakir=بكر Othman/Uthman=عثمان
  Zaidan/Zeidan=زيدان Mahfouz/Mahfuz=محفوظ Rahal=رحال Qasim/Kassem/Qassem=قاسم Najjar/Nagar=نجار
`);
const cyrMale = parts(`
  Aleksandr/Alexander/Alexandr=Александр Dmitri/Dmitry/Dmitriy=Дмитрий Sergei/Sergey/Serguei=Сергей Andrei/Andrey=Андрей
  Mikhail/Michail=Михаил Nikolai/Nikolay=Николай Ivan=Иван Vladimir/Wladimir=Владимир Yuri/Yuriy/Iouri=Юрий
  Aleksei/Alexey/Aleksey=Алексей Ruslan=Руслан Magomed/Magomet=Магомед Islam=Ислам Akhmed/Ahmed=Ахмед Timur=Тимур
  Rustam/Rustem=Рустам Shamil/Chamil=Шамиль Zaur=Заур Artyom/Artem=Артём Said/Seid=Саид Adam=Адам Murad/Murat=Мурад
  Ibragim/Ibrahim=Ибрагим Aslan=Аслан Anzor=Анзор Beslan=Беслан Viktor/Victor=Виктор Pavel=Павел Oleg=Олег
`);
const cyrFemale = parts(`
  Yelena/Elena/Jelena=Елена Olga=Ольга Tatiana/Tatyana=Татьяна Natalia/Natalya=Наталья Svetlana=Светлана
  Madina=Мадина Zarema=Зарема Aishat/Aiset=Айшат Marina=Марина Anna=Анна Kheda/Heda=Хеда Liana=Лиана
`);
const cyrFamily = parts(`
  Ivanov=Иванов Petrov=Петров Kuznetsov/Kouznetsov=Кузнецов Smirnov=Смирнов Popov=Попов Sokolov=Соколов Volkov=Волков
  Kozlov=Козлов Novikov=Новиков Morozov=Морозов Kadyrov=Кадыров Basayev/Basaev=Басаев Umarov=Умаров Dudayev/Dudaev=Дудаев
  Magomedov=Магомедов Aliyev/Aliev=Алиев Khasanov/Hasanov=Хасанов Gadzhiev/Gadjiev/Hajiyev=Гаджиев Zakharov/Zaharov=Захаров
  Shevchenko=Шевченко Kovalenko=Коваленко Bondarenko=Бондаренко Tkachenko=Ткаченко Melnyk/Melnik=Мельник
  Yakovlev/Iakovlev=Яковлев Fedorov/Fyodorov=Фёдоров Zhukov/Joukov=Жуков Gelayev/Gelaev=Гелаев Israilov=Исраилов
  Abdulkhadzhiev/Abdulkhadjiev=Абдулхаджиев Tsarnaev/Tsarnayev=Царнаев Batirashvili=Батирашвили Nurmagomedov=Нурмагомедов
  Saidov=Саидов Yusupov/Iusupov=Юсупов Rakhimov/Rahimov=Рахимов Karimov=Каримов Nazarov=Назаров Tokhtakhunov=Тохтахунов
`);
const westMale = parts(`
  Jean Pierre Michel Philippe Nicolas Julien Jose/José Juan Carlos Javier Miguel Alejandro Thomas Michael Andreas
  Stefan/Stephan Jurgen/Jürgen/Juergen John/Jon James David Daniel Mark/Marc Lukas/Lucas Jonas Kevin Maxime Hugo
  Marco Luca Giovanni Piotr Tomasz Jakub Anders Lars Erik/Eric Sven
`);
const westFemale = parts(`
  Marie Sophie/Sofie Anna/Ana Maria/María Laura Emma Julia Sarah/Sara Lea/Léa Chloe/Chloé Elena Sandra Katarzyna Ingrid
`);
const westFamily = parts(`
  Martin Bernard Dubois Lefebvre/Lefèvre/Lefevre Moreau Laurent Garcia/García Rodriguez/Rodríguez Fernandez/Fernández
  Lopez/López Martinez/Martínez Sanchez/Sánchez Muller/Müller/Mueller Schmidt/Schmitt Schneider Fischer Weber
  Meyer/Meier/Mayer Smith Johnson Williams Brown Jones Taylor Rossi Russo Bianchi Kowalski Nowak Wisniewski/Wiśniewski
  Dupont Leroy Girard Bonnet Wagner Becker Hoffmann/Hofmann Janssens Peeters Andersson Johansson Nilsson
  Jansen/Janssen Visser Bakker Novak Horvat Kovacs/Kovács Nagy Popescu Ionescu Papadopoulos
`);
const turkMale = parts(`
  Mehmet/Mehmed Mustafa Ahmet/Ahmed Huseyin/Hüseyin Emre Burak Murat Ali Hasan Ibrahim/İbrahim Yusuf Omer/Ömer
  Osman Ismail/İsmail Recep Kemal Serkan Volkan Cem Fatih
`);
const turkFemale = parts(`Ayse/Ayşe Elif Zeynep/Zeinep Fatma Emine Hatice Merve Busra/Büşra Esra`);
const turkFamily = parts(`
  Yilmaz/Yılmaz Kaya Demir Sahin/Şahin Celik/Çelik Ozturk/Öztürk Aydin/Aydın Yildiz/Yıldız Arslan Dogan/Doğan
  Kilic/Kılıç Aslan Cetin/Çetin Kara Koc/Koç Kurt Ozdemir/Özdemir Polat Erdogan/Erdoğan Tekin Aksoy Bulut
`);
const somaliMale = parts(`
  Abdi Abdirahman/Abdurahman Abdikadir/Abdulkadir/Abdiqadir Abdiwali Liban Mohamud/Mahmoud/Mohamoud Hassan/Xasan
  Ahmed/Axmed Omar/Cumar Yusuf/Yussuf Ali/Cali Farah/Faarax Ismail/Ismaaciil Aden/Aadan Abdullahi/Cabdullaahi
  Said/Saciid Bashir/Bashiir Hussein/Xuseen
`);
const somaliFemale = parts(
  `Hodan Faduma/Fadumo/Fatuma Hawa/Xawa Asha/Aasha Amina/Aamina Sahra/Sahro Ifrah/Ifraah`,
);
const southAsianMale = parts(`
  Imran Asif/Aasif Zubair/Zubayr Faisal/Faysal Tariq/Tarik Usman/Osman Bilal Kamran Nadeem/Nadim Shahid/Shahed
  Waqar Junaid/Junayd Irfan Rizwan/Rizvan Adnan Hamza/Hamzah Saad/Sa'ad Farhan Aamir/Amir
`);
const southAsianFemale = parts(`Ayesha/Aisha Sana Nadia/Nadiya Sadia/Saadia Hina Rabia/Rabiya`);
const southAsianFamily = parts(`
  Khan Shah Malik Hussain/Husain/Hussein Chaudhry/Chaudhary/Choudhury Butt Iqbal Qureshi/Quraishi Siddiqui/Siddiqi
  Ahmed/Ahmad Akhtar/Akhter Mirza Rehman/Rahman Sheikh/Shaikh Baig/Beg Raza Haider/Haidar Javed/Javaid
`);

export const cultures: Culture[] = [
  {
    key: "arabic",
    script: "Arab",
    male: arabicMale,
    female: arabicFemale,
    family: arabicFamily,
    middleRate: 0.6,
    countries: ["SY", "IQ", "JO", "LB", "EG", "SA", "TN", "MA", "DZ", "LY", "YE"],
    reporters: ["FR", "DE", "BE", "TR", "GB", "NL", "IQ", "JO", "SE", "IT", "ES", "US"],
  },
  {
    key: "cyrillic",
    script: "Cyrl",
    male: cyrMale,
    female: cyrFemale,
    family: cyrFamily,
    middleRate: 0.5,
    feminine: true,
    countries: ["RU", "UA", "BY", "KZ", "TJ", "UZ", "KG", "AZ", "GE"],
    reporters: ["RU", "TR", "DE", "AT", "FR", "PL", "GE", "KZ", "US"],
  },
  {
    key: "western",
    male: westMale,
    female: westFemale,
    family: westFamily,
    middleRate: 0.25,
    countries: ["FR", "DE", "BE", "ES", "IT", "GB", "NL", "SE", "PL", "AT", "DK", "PT", "US"],
    reporters: ["FR", "DE", "BE", "ES", "IT", "GB", "NL", "TR", "IQ", "SY", "US"],
  },
  {
    key: "turkish",
    male: turkMale,
    female: turkFemale,
    family: turkFamily,
    middleRate: 0.2,
    countries: ["TR", "DE", "NL", "AT"],
    reporters: ["TR", "DE", "FR", "NL", "IQ", "SY", "BE"],
  },
  {
    key: "somali",
    male: somaliMale,
    female: somaliFemale,
    // Somali names are given name + father's + grandfather's: the "family" is a male given name.
    family: somaliMale,
    middle: somaliMale,
    middleRate: 0.9,
    countries: ["SO", "KE", "ET", "DJ"],
    reporters: ["KE", "SO", "ET", "GB", "SE", "US", "NO"],
  },
  {
    key: "south-asian",
    male: southAsianMale,
    female: southAsianFemale,
    family: southAsianFamily,
    middleRate: 0.3,
    countries: ["PK", "AF", "IN", "BD", "GB"],
    reporters: ["GB", "PK", "AF", "US", "DE", "FR", "AE"],
  },
];
