/**
 * The institutions, places and categories of the Kraków sample directory, each text in the five
 * languages of the widgets. Only public bodies and organisations known to do this work, at
 * addresses known to be theirs; where the street or postal code was not certain, there is no
 * address (the service says "Kraków" through its service area). No phone, e-mail or web address
 * that was not certain either. `build-feeds.mjs` turns this into one HSDS 3.0 feed per language.
 */

/** A text in every language of the feeds. */
export const t = (en, pl, uk, ru, ar) => ({ en, pl, uk, ru, ar });

export const languages = ['en', 'pl', 'uk', 'ru', 'ar'];

/** Service areas: where a service without an office of its own is offered. */
export const areas = {
  krakow: { name: t('Kraków', 'Kraków', 'Краків', 'Краков', 'كراكوف') },
  poland: { name: t('All of Poland', 'Cała Polska', 'Уся Польща', 'Вся Польша', 'كل بولندا') },
};

/**
 * Organisations. `name.pl` is the official name; the other feeds give the translation as `name` and
 * the official Polish name as `alternate_name`, the words on the door and on letters.
 */
export const organizations = {
  muw: {
    name: t(
      'Małopolska Voivodeship Office in Kraków',
      'Małopolski Urząd Wojewódzki w Krakowie',
      'Малопольське воєводське управління в Кракові',
      'Малопольское воеводское управление в Кракове',
      'مكتب محافظة مالوبولسكا في كراكوف',
    ),
    description: t(
      'The government office for the region. Its Foreigners’ Department decides on residence and work permits.',
      'Urząd administracji rządowej w województwie. Wydział Spraw Cudzoziemców decyduje o pobycie i pracy cudzoziemców.',
      'Урядова установа в регіоні. Відділ у справах іноземців вирішує питання перебування та роботи іноземців.',
      'Государственное учреждение в регионе. Отдел по делам иностранцев решает вопросы пребывания и работы иностранцев.',
      'المكتب الحكومي في المنطقة. يبتّ قسم شؤون الأجانب فيه في طلبات الإقامة والعمل.',
    ),
    website: 'https://www.gov.pl/web/uw-malopolski',
  },
  umk: {
    name: t('Kraków City Office', 'Urząd Miasta Krakowa', 'Мерія Кракова', 'Мэрия Кракова', 'بلدية كراكوف'),
    description: t(
      'The city administration: address registration, PESEL, schools, free legal aid and the city card.',
      'Administracja miasta: meldunek, PESEL, szkoły, nieodpłatna pomoc prawna i Karta Krakowska.',
      'Адміністрація міста: реєстрація місця проживання, PESEL, школи, безоплатна правова допомога та картка мешканця.',
      'Администрация города: регистрация по месту жительства, PESEL, школы, бесплатная юридическая помощь и карта жителя.',
      'إدارة المدينة: تسجيل العنوان، رقم PESEL، المدارس، المساعدة القانونية المجانية وبطاقة المدينة.',
    ),
    website: 'https://www.krakow.pl',
  },
  ib: {
    name: t(
      'Internationaler Bund Polska Foundation',
      'Fundacja Internationaler Bund Polska',
      'Фонд Internationaler Bund Polska',
      'Фонд Internationaler Bund Polska',
      'مؤسسة Internationaler Bund Polska',
    ),
    description: t(
      'A foundation that runs the Multicultural Centre and the Information Point for Foreigners for the city.',
      'Fundacja, która na zlecenie miasta prowadzi Centrum Wielokulturowe i Punkt Informacyjny dla Obcokrajowców.',
      'Фонд, який на замовлення міста веде Мультикультурний центр та Інформаційний пункт для іноземців.',
      'Фонд, который по заказу города ведёт Мультикультурный центр и Информационный пункт для иностранцев.',
      'مؤسسة تدير لصالح المدينة المركز متعدد الثقافات ونقطة المعلومات للأجانب.',
    ),
    website: 'https://ib-polska.pl',
  },
  mops: {
    name: t(
      'Municipal Social Welfare Centre in Kraków (MOPS)',
      'Miejski Ośrodek Pomocy Społecznej w Krakowie',
      'Міський центр соціальної допомоги в Кракові (MOPS)',
      'Городской центр социальной помощи в Кракове (MOPS)',
      'المركز البلدي للرعاية الاجتماعية في كراكوف (MOPS)',
    ),
    description: t(
      'The city’s social welfare centre: help in a difficult situation, crisis support and integration programmes for refugees.',
      'Miejski ośrodek pomocy społecznej: pomoc w trudnej sytuacji, wsparcie w kryzysie i programy integracyjne dla uchodźców.',
      'Міський центр соціальної допомоги: допомога у складній ситуації, підтримка в кризі та інтеграційні програми для біженців.',
      'Городской центр социальной помощи: помощь в трудной ситуации, поддержка в кризисе и программы интеграции для беженцев.',
      'مركز المدينة للرعاية الاجتماعية: مساعدة في الظروف الصعبة، دعم في الأزمات وبرامج اندماج للاجئين.',
    ),
    website: 'https://mops.krakow.pl',
  },
  gup: {
    name: t(
      'Kraków City Labour Office',
      'Grodzki Urząd Pracy w Krakowie',
      'Міський центр зайнятості в Кракові',
      'Городской центр занятости в Кракове',
      'مكتب العمل في مدينة كراكوف',
    ),
    description: t(
      'The public labour office for Kraków: job offers, registration as unemployed, and work of foreigners.',
      'Publiczny urząd pracy dla Krakowa: oferty pracy, rejestracja bezrobotnych i praca cudzoziemców.',
      'Державна служба зайнятості Кракова: вакансії, реєстрація безробітних і робота іноземців.',
      'Государственная служба занятости Кракова: вакансии, регистрация безработных и работа иностранцев.',
      'مكتب العمل العام في كراكوف: عروض العمل، التسجيل كعاطل عن العمل، وعمل الأجانب.',
    ),
    website: 'https://www.gupkrakow.pl',
  },
  wup: {
    name: t(
      'Regional Labour Office in Kraków',
      'Wojewódzki Urząd Pracy w Krakowie',
      'Воєводський центр зайнятості в Кракові',
      'Воеводский центр занятости в Кракове',
      'مكتب العمل الإقليمي في كراكوف',
    ),
    description: t(
      'The labour office for the region, with the EURES advisers for work in the European Union.',
      'Urząd pracy dla województwa, z doradcami EURES w sprawach pracy w Unii Europejskiej.',
      'Центр зайнятості для воєводства, з консультантами EURES щодо роботи в Європейському Союзі.',
      'Центр занятости для воеводства, с консультантами EURES по работе в Европейском союзе.',
      'مكتب العمل على مستوى المحافظة، وفيه مستشارو EURES للعمل في الاتحاد الأوروبي.',
    ),
  },
  zus: {
    name: t(
      'Social Insurance Institution (ZUS)',
      'Zakład Ubezpieczeń Społecznych',
      'Управління соціального страхування (ZUS)',
      'Учреждение социального страхования (ZUS)',
      'مؤسسة التأمين الاجتماعي (ZUS)',
    ),
    description: t(
      'The state institution for social insurance, pensions and the 800+ child benefit.',
      'Państwowa instytucja ubezpieczeń społecznych, emerytur i świadczenia 800+.',
      'Державна установа соціального страхування, пенсій і допомоги 800+.',
      'Государственное учреждение социального страхования, пенсий и пособия 800+.',
      'المؤسسة الحكومية للتأمين الاجتماعي والمعاشات وإعانة الأطفال 800+.',
    ),
    website: 'https://www.zus.pl',
  },
  nfz: {
    name: t(
      'National Health Fund (NFZ)',
      'Narodowy Fundusz Zdrowia',
      'Національний фонд здоров’я (NFZ)',
      'Национальный фонд здоровья (NFZ)',
      'الصندوق الوطني للصحة (NFZ)',
    ),
    description: t(
      'The public health insurer: it pays for treatment of insured people and answers questions about care.',
      'Publiczny ubezpieczyciel zdrowotny: finansuje leczenie ubezpieczonych i odpowiada na pytania o opiekę zdrowotną.',
      'Державний медичний страховик: оплачує лікування застрахованих і відповідає на питання про медичну допомогу.',
      'Государственный медицинский страховщик: оплачивает лечение застрахованных и отвечает на вопросы о медицинской помощи.',
      'شركة التأمين الصحي العامة: تدفع تكاليف علاج المؤمَّن عليهم وتجيب عن أسئلة الرعاية الصحية.',
    ),
    website: 'https://www.nfz.gov.pl',
  },
  su: {
    name: t(
      'University Hospital in Kraków',
      'Szpital Uniwersytecki w Krakowie',
      'Університетська лікарня в Кракові',
      'Университетская больница в Кракове',
      'المستشفى الجامعي في كراكوف',
    ),
    description: t(
      'The largest hospital in Kraków, with an emergency department for adults.',
      'Największy szpital w Krakowie, ze szpitalnym oddziałem ratunkowym dla dorosłych.',
      'Найбільша лікарня Кракова, з приймальним відділенням невідкладної допомоги для дорослих.',
      'Крупнейшая больница Кракова, с приёмным отделением неотложной помощи для взрослых.',
      'أكبر مستشفى في كراكوف، وفيه قسم طوارئ للبالغين.',
    ),
  },
  usd: {
    name: t(
      'University Children’s Hospital in Kraków',
      'Uniwersytecki Szpital Dziecięcy w Krakowie',
      'Університетська дитяча лікарня в Кракові',
      'Университетская детская больница в Кракове',
      'مستشفى الأطفال الجامعي في كراكوف',
    ),
    description: t(
      'A hospital for children and young people, with an emergency department.',
      'Szpital dla dzieci i młodzieży, ze szpitalnym oddziałem ratunkowym.',
      'Лікарня для дітей і підлітків, з відділенням невідкладної допомоги.',
      'Больница для детей и подростков, с отделением неотложной помощи.',
      'مستشفى للأطفال والمراهقين، وفيه قسم طوارئ.',
    ),
  },
  rydygier: {
    name: t(
      'Ludwik Rydygier Specialist Hospital in Kraków',
      'Szpital Specjalistyczny im. Ludwika Rydygiera w Krakowie',
      'Спеціалізована лікарня ім. Людвіка Ридигера в Кракові',
      'Специализированная больница им. Людвика Ридигера в Кракове',
      'مستشفى لودفيك ريديغير التخصصي في كراكوف',
    ),
    description: t(
      'A city hospital in Nowa Huta with an emergency department.',
      'Szpital w Nowej Hucie ze szpitalnym oddziałem ratunkowym.',
      'Лікарня в районі Нова Гута з відділенням невідкладної допомоги.',
      'Больница в районе Нова Гута с отделением неотложной помощи.',
      'مستشفى في حي نوفا هوتا وفيه قسم طوارئ.',
    ),
  },
  cpphn: {
    name: t(
      'Halina Nieć Legal Aid Centre',
      'Centrum Pomocy Prawnej im. Haliny Nieć',
      'Центр правової допомоги ім. Галини Нєць',
      'Центр правовой помощи им. Галины Нец',
      'مركز هالينا نيتس للمساعدة القانونية',
    ),
    description: t(
      'A Kraków organisation that has given free legal help to refugees and other foreigners since 2002.',
      'Krakowska organizacja, która od 2002 roku udziela bezpłatnej pomocy prawnej uchodźcom i innym cudzoziemcom.',
      'Краківська організація, яка з 2002 року надає безоплатну правову допомогу біженцям та іншим іноземцям.',
      'Краковская организация, которая с 2002 года оказывает бесплатную юридическую помощь беженцам и другим иностранцам.',
      'منظمة في كراكوف تقدّم منذ عام 2002 مساعدة قانونية مجانية للاجئين وغيرهم من الأجانب.',
    ),
    website: 'https://www.pomocprawna.org',
  },
  uj: {
    name: t(
      'Jagiellonian University',
      'Uniwersytet Jagielloński',
      'Ягеллонський університет',
      'Ягеллонский университет',
      'جامعة ياغيلونيا',
    ),
    description: t(
      'The oldest university in Poland: Polish courses for foreigners and a student legal clinic.',
      'Najstarszy uniwersytet w Polsce: kursy polskiego dla cudzoziemców i studencka poradnia prawna.',
      'Найстаріший університет Польщі: курси польської для іноземців і студентська юридична клініка.',
      'Старейший университет Польши: курсы польского для иностранцев и студенческая юридическая клиника.',
      'أقدم جامعة في بولندا: دورات في اللغة البولندية للأجانب وعيادة قانونية طلابية.',
    ),
    website: 'https://www.uj.edu.pl',
  },
  pip: {
    name: t(
      'National Labour Inspectorate (PIP)',
      'Państwowa Inspekcja Pracy',
      'Державна інспекція праці (PIP)',
      'Государственная инспекция труда (PIP)',
      'مفتشية العمل الوطنية (PIP)',
    ),
    description: t(
      'The state body that checks employers keep labour law. It has a district office in Kraków.',
      'Państwowy organ, który sprawdza, czy pracodawcy przestrzegają prawa pracy. Ma okręgowy inspektorat w Krakowie.',
      'Державний орган, який перевіряє, чи роботодавці дотримуються трудового права. Має окружну інспекцію в Кракові.',
      'Государственный орган, который проверяет соблюдение трудового права работодателями. Есть окружная инспекция в Кракове.',
      'جهة حكومية تتحقق من التزام أصحاب العمل بقانون العمل. لها مكتب إقليمي في كراكوف.',
    ),
    website: 'https://www.pip.gov.pl',
  },
  udsc: {
    name: t(
      'Office for Foreigners',
      'Urząd do Spraw Cudzoziemców',
      'Управління у справах іноземців',
      'Управление по делам иностранцев',
      'مكتب شؤون الأجانب',
    ),
    description: t(
      'The national office that decides on international protection (refugee status) in Poland.',
      'Urząd centralny, który decyduje o ochronie międzynarodowej (statusie uchodźcy) w Polsce.',
      'Центральна установа, яка вирішує питання міжнародного захисту (статусу біженця) в Польщі.',
      'Центральное ведомство, которое решает вопросы международной защиты (статуса беженца) в Польше.',
      'الهيئة الوطنية التي تبتّ في طلبات الحماية الدولية (صفة اللاجئ) في بولندا.',
    ),
    website: 'https://www.gov.pl/web/udsc',
  },
  kuratorium: {
    name: t(
      'Małopolska Board of Education',
      'Małopolskie Kuratorium Oświaty',
      'Малопольська кураторія освіти',
      'Малопольское управление образования (кураториум)',
      'مديرية التعليم في مالوبولسكا',
    ),
    description: t(
      'The state school authority for the region. It recognises school certificates from abroad.',
      'Państwowy nadzór nad szkołami w województwie. Uznaje świadectwa szkolne uzyskane za granicą.',
      'Державний нагляд за школами у воєводстві. Визнає шкільні свідоцтва, отримані за кордоном.',
      'Государственный надзор за школами в воеводстве. Признаёт школьные аттестаты, полученные за границей.',
      'السلطة الحكومية للمدارس في المحافظة. تعترف بالشهادات المدرسية الصادرة في الخارج.',
    ),
  },
  biblioteka: {
    name: t('Kraków Library', 'Biblioteka Kraków', 'Бібліотека Кракова', 'Библиотека Кракова', 'مكتبة كراكوف'),
    description: t(
      'The city’s public library, with branches in every district.',
      'Miejska biblioteka publiczna z filiami we wszystkich dzielnicach.',
      'Міська публічна бібліотека з філіями в усіх районах.',
      'Городская публичная библиотека с филиалами во всех районах.',
      'المكتبة العامة للمدينة، ولها فروع في كل الأحياء.',
    ),
  },
  pck: {
    name: t(
      'Polish Red Cross',
      'Polski Czerwony Krzyż',
      'Польський Червоний Хрест',
      'Польский Красный Крест',
      'الصليب الأحمر البولندي',
    ),
    description: t(
      'The national Red Cross society of Poland.',
      'Krajowe stowarzyszenie Czerwonego Krzyża w Polsce.',
      'Національне товариство Червоного Хреста в Польщі.',
      'Национальное общество Красного Креста в Польше.',
      'الجمعية الوطنية للصليب الأحمر في بولندا.',
    ),
  },
  rpd: {
    name: t(
      'Children’s Ombudsman',
      'Rzecznik Praw Dziecka',
      'Уповноважений з прав дитини',
      'Уполномоченный по правам ребёнка',
      'أمين مظالم حقوق الطفل',
    ),
    description: t(
      'The state office that protects the rights of children in Poland.',
      'Urząd państwowy, który chroni prawa dzieci w Polsce.',
      'Державна установа, яка захищає права дітей у Польщі.',
      'Государственное ведомство, защищающее права детей в Польше.',
      'الجهة الحكومية التي تحمي حقوق الأطفال في بولندا.',
    ),
  },
  policja: {
    name: t('Police', 'Policja', 'Поліція', 'Полиция', 'الشرطة'),
    description: t(
      'The Polish police. In Kraków there are police stations in every district.',
      'Polska policja. W Krakowie komisariaty działają we wszystkich dzielnicach.',
      'Польська поліція. У Кракові відділки є в усіх районах.',
      'Польская полиция. В Кракове отделения есть во всех районах.',
      'الشرطة البولندية. في كراكوف مراكز شرطة في كل الأحياء.',
    ),
  },
  consulateUa: {
    name: t(
      'Consulate General of Ukraine in Kraków',
      'Konsulat Generalny Ukrainy w Krakowie',
      'Генеральне консульство України в Кракові',
      'Генеральное консульство Украины в Кракове',
      'القنصلية العامة لأوكرانيا في كراكوف',
    ),
    description: t(
      'Ukraine’s consulate for southern Poland.',
      'Konsulat Ukrainy dla południowej Polski.',
      'Консульство України для південної Польщі.',
      'Консульство Украины для южной Польши.',
      'قنصلية أوكرانيا لجنوب بولندا.',
    ),
  },
};

/**
 * Places with a known address. `name.pl` is the name on the building; the other feeds add it as
 * `alternate_name`. Coordinates place the pin at the building, for the map and "near me".
 */
export const places = {
  muwForeigners: {
    organization: 'muw',
    name: t(
      'Foreigners’ Department, Voivodeship Office',
      'Wydział Spraw Cudzoziemców MUW',
      'Відділ у справах іноземців воєводського управління',
      'Отдел по делам иностранцев воеводского управления',
      'قسم شؤون الأجانب في مكتب المحافظة',
    ),
    street: 'ul. Przy Rondzie 6',
    postalCode: '31-547',
    latitude: 50.0655,
    longitude: 19.9605,
  },
  muwMain: {
    organization: 'muw',
    name: t(
      'Voivodeship Office, main building',
      'Małopolski Urząd Wojewódzki, siedziba główna',
      'Воєводське управління, головна будівля',
      'Воеводское управление, главное здание',
      'مكتب المحافظة، المبنى الرئيسي',
    ),
    street: 'ul. Basztowa 22',
    postalCode: '31-156',
    latitude: 50.0658,
    longitude: 19.9413,
  },
  umkPowstania: {
    organization: 'umk',
    name: t(
      'City Office, Powstania Warszawskiego',
      'Urząd Miasta Krakowa, al. Powstania Warszawskiego',
      'Мерія Кракова, алея Повстання Варшавського',
      'Мэрия Кракова, аллея Повстания Варшавского',
      'بلدية كراكوف، شارع بوفستانيا فارشافسكيغو',
    ),
    street: 'al. Powstania Warszawskiego 10',
    postalCode: '31-549',
    latitude: 50.0624,
    longitude: 19.9587,
  },
  umkNowaHuta: {
    organization: 'umk',
    name: t(
      'City Office, Nowa Huta',
      'Urząd Miasta Krakowa, os. Zgody',
      'Мерія Кракова, Нова Гута',
      'Мэрия Кракова, Нова Гута',
      'بلدية كراكوف، نوفا هوتا',
    ),
    street: 'os. Zgody 2',
    postalCode: '31-949',
    latitude: 50.0722,
    longitude: 20.0357,
  },
  multicultural: {
    organization: 'ib',
    name: t(
      'Multicultural Centre in Kraków',
      'Centrum Wielokulturowe w Krakowie',
      'Мультикультурний центр у Кракові',
      'Мультикультурный центр в Кракове',
      'المركز متعدد الثقافات في كراكوف',
    ),
    street: 'ul. Zabłocie 20',
    street2: t(
      'building A, 1st floor',
      'budynek A, I piętro',
      'будинок A, 1-й поверх',
      'здание A, 1-й этаж',
      'المبنى A، الطابق الأول',
    ),
    postalCode: '30-701',
    latitude: 50.0488,
    longitude: 19.9622,
  },
  mopsMain: {
    organization: 'mops',
    name: t(
      'MOPS information point',
      'Punkt informacyjny MOPS',
      'Інформаційний пункт MOPS',
      'Информационный пункт MOPS',
      'نقطة معلومات MOPS',
    ),
    street: 'ul. Józefińska 14',
    postalCode: '30-529',
    latitude: 50.0466,
    longitude: 19.9448,
  },
  crisisCentre: {
    organization: 'mops',
    name: t(
      'Crisis Intervention Centre',
      'Ośrodek Interwencji Kryzysowej',
      'Центр кризового втручання',
      'Центр кризисной интервенции',
      'مركز التدخل في الأزمات',
    ),
    street: 'ul. Radziwiłłowska 8b',
    postalCode: '31-026',
    latitude: 50.0652,
    longitude: 19.9488,
  },
  gup: {
    organization: 'gup',
    name: t(
      'City Labour Office',
      'Grodzki Urząd Pracy',
      'Міський центр зайнятості',
      'Городской центр занятости',
      'مكتب العمل في المدينة',
    ),
    street: 'ul. Śliczna 36',
    postalCode: '31-444',
    latitude: 50.0736,
    longitude: 19.9617,
  },
  wup: {
    organization: 'wup',
    name: t(
      'Regional Labour Office',
      'Wojewódzki Urząd Pracy',
      'Воєводський центр зайнятості',
      'Воеводский центр занятости',
      'مكتب العمل الإقليمي',
    ),
    street: 'pl. Na Stawach 1',
    postalCode: '30-107',
    latitude: 50.0561,
    longitude: 19.9232,
  },
  nfz: {
    organization: 'nfz',
    name: t(
      'NFZ Małopolska branch',
      'Małopolski Oddział Wojewódzki NFZ',
      'Малопольське відділення NFZ',
      'Малопольское отделение NFZ',
      'فرع NFZ في مالوبولسكا',
    ),
    street: 'ul. Józefitów 21',
    postalCode: '30-039',
    latitude: 50.0743,
    longitude: 19.9259,
  },
  su: {
    organization: 'su',
    name: t(
      'University Hospital, emergency department',
      'Szpital Uniwersytecki, SOR',
      'Університетська лікарня, невідкладна допомога',
      'Университетская больница, неотложная помощь',
      'المستشفى الجامعي، قسم الطوارئ',
    ),
    street: 'ul. Jakubowskiego 2',
    postalCode: '30-688',
    latitude: 50.0112,
    longitude: 19.9966,
  },
  usd: {
    organization: 'usd',
    name: t(
      'Children’s Hospital, emergency department',
      'Uniwersytecki Szpital Dziecięcy, SOR',
      'Дитяча лікарня, невідкладна допомога',
      'Детская больница, неотложная помощь',
      'مستشفى الأطفال، قسم الطوارئ',
    ),
    street: 'ul. Wielicka 265',
    postalCode: '30-663',
    latitude: 50.0127,
    longitude: 20.0029,
  },
  rydygier: {
    organization: 'rydygier',
    name: t(
      'Rydygier Hospital, emergency department',
      'Szpital im. Rydygiera, SOR',
      'Лікарня ім. Ридигера, невідкладна допомога',
      'Больница им. Ридигера, неотложная помощь',
      'مستشفى ريديغير، قسم الطوارئ',
    ),
    street: 'os. Złotej Jesieni 1',
    postalCode: '31-826',
    latitude: 50.0822,
    longitude: 20.0236,
  },
};

/**
 * Categories: HSDS taxonomy terms with UUID ids, the old short names kept as `code`, and `parent_id`
 * for the two-level tree the finder shows.
 */
export const terms = {
  residence: {
    code: 'oc-residence',
    name: t(
      'Residence and documents',
      'Pobyt i dokumenty',
      'Перебування та документи',
      'Пребывание и документы',
      'الإقامة والوثائق',
    ),
    description: t(
      'Permits to stay and work, registration and personal documents.',
      'Zezwolenia na pobyt i pracę, meldunek i dokumenty osobiste.',
      'Дозволи на перебування та роботу, реєстрація і особисті документи.',
      'Разрешения на пребывание и работу, регистрация и личные документы.',
      'تصاريح الإقامة والعمل، والتسجيل، والوثائق الشخصية.',
    ),
  },
  permits: {
    code: 'oc-residence-permit',
    parent: 'residence',
    name: t(
      'Residence and work permits',
      'Zezwolenia na pobyt i pracę',
      'Дозволи на перебування та роботу',
      'Разрешения на пребывание и работу',
      'تصاريح الإقامة والعمل',
    ),
    description: t(
      'Applications to the Voivodeship Office: temporary and permanent residence, work permits, invitations.',
      'Wnioski do urzędu wojewódzkiego: pobyt czasowy i stały, zezwolenia na pracę, zaproszenia.',
      'Заяви до воєводського управління: тимчасове і постійне перебування, дозволи на роботу, запрошення.',
      'Заявления в воеводское управление: временное и постоянное пребывание, разрешения на работу, приглашения.',
      'طلبات إلى مكتب المحافظة: الإقامة المؤقتة والدائمة، تصاريح العمل، الدعوات.',
    ),
  },
  registration: {
    code: 'oc-registration',
    parent: 'residence',
    name: t(
      'Address registration and PESEL',
      'Meldunek i PESEL',
      'Реєстрація місця проживання і PESEL',
      'Регистрация по месту жительства и PESEL',
      'تسجيل العنوان ورقم PESEL',
    ),
    description: t(
      'Registering where you live, getting a PESEL number and an online identity.',
      'Zameldowanie, numer PESEL i tożsamość w internecie.',
      'Реєстрація місця проживання, номер PESEL та електронна ідентифікація.',
      'Регистрация по месту жительства, номер PESEL и электронная идентификация.',
      'تسجيل مكان السكن، والحصول على رقم PESEL، والهوية الإلكترونية.',
    ),
  },
  legal: {
    code: 'oc-legal',
    name: t('Legal help', 'Pomoc prawna', 'Правова допомога', 'Юридическая помощь', 'المساعدة القانونية'),
    description: t(
      'Free advice from lawyers and law clinics.',
      'Bezpłatne porady prawników i poradni prawnych.',
      'Безоплатні консультації юристів і юридичних клінік.',
      'Бесплатные консультации юристов и юридических клиник.',
      'استشارات مجانية من محامين وعيادات قانونية.',
    ),
  },
  work: {
    code: 'oc-work',
    name: t('Work', 'Praca', 'Робота', 'Работа', 'العمل'),
    description: t(
      'Finding a job, rights at work and legal employment.',
      'Szukanie pracy, prawa pracownika i legalne zatrudnienie.',
      'Пошук роботи, права працівника та легальне працевлаштування.',
      'Поиск работы, права работника и легальное трудоустройство.',
      'البحث عن عمل، حقوق العامل، والتوظيف القانوني.',
    ),
  },
  health: {
    code: 'oc-health',
    name: t('Health', 'Zdrowie', 'Здоров’я', 'Здоровье', 'الصحة'),
    description: t(
      'Doctors, hospitals and health insurance.',
      'Lekarze, szpitale i ubezpieczenie zdrowotne.',
      'Лікарі, лікарні та медичне страхування.',
      'Врачи, больницы и медицинское страхование.',
      'الأطباء والمستشفيات والتأمين الصحي.',
    ),
  },
  emergencyCare: {
    code: 'oc-health-emergency',
    parent: 'health',
    name: t(
      'Emergency care',
      'Pomoc w nagłych przypadkach',
      'Невідкладна допомога',
      'Неотложная помощь',
      'الرعاية الطارئة',
    ),
    description: t(
      'Hospital emergency departments and care at night and on holidays.',
      'Szpitalne oddziały ratunkowe oraz pomoc w nocy i w święta.',
      'Лікарняні відділення невідкладної допомоги та допомога вночі й у свята.',
      'Больничные отделения неотложной помощи и помощь ночью и в праздники.',
      'أقسام الطوارئ في المستشفيات والرعاية في الليل وأيام العطل.',
    ),
  },
  doctor: {
    code: 'oc-health-doctor',
    parent: 'health',
    name: t(
      'Doctors and health insurance',
      'Lekarz i ubezpieczenie zdrowotne',
      'Лікар і медичне страхування',
      'Врач и медицинское страхование',
      'الطبيب والتأمين الصحي',
    ),
    description: t(
      'A family doctor, who is insured, and questions about the NFZ.',
      'Lekarz rodzinny, kto jest ubezpieczony i pytania do NFZ.',
      'Сімейний лікар, хто застрахований, і питання до NFZ.',
      'Семейный врач, кто застрахован, и вопросы к NFZ.',
      'طبيب الأسرة، ومن هو المؤمَّن عليه، وأسئلة إلى NFZ.',
    ),
  },
  crisis: {
    code: 'oc-crisis',
    name: t(
      'Crisis and emotional support',
      'Kryzys i wsparcie psychiczne',
      'Криза та психологічна підтримка',
      'Кризис и психологическая поддержка',
      'الأزمات والدعم النفسي',
    ),
    description: t(
      'Someone to talk to, psychological help and help after violence.',
      'Rozmowa, pomoc psychologiczna i pomoc po przemocy.',
      'Розмова, психологічна допомога та допомога після насильства.',
      'Разговор, психологическая помощь и помощь после насилия.',
      'من تتحدث إليه، والمساعدة النفسية، والمساعدة بعد العنف.',
    ),
  },
  social: {
    code: 'oc-social',
    name: t(
      'Social help and benefits',
      'Pomoc społeczna i świadczenia',
      'Соціальна допомога та виплати',
      'Социальная помощь и пособия',
      'المساعدة الاجتماعية والإعانات',
    ),
    description: t(
      'Support in a difficult situation and benefits for families.',
      'Wsparcie w trudnej sytuacji i świadczenia dla rodzin.',
      'Підтримка у складній ситуації та виплати для сімей.',
      'Поддержка в трудной ситуации и пособия для семей.',
      'الدعم في الظروف الصعبة والإعانات للعائلات.',
    ),
  },
  housing: {
    code: 'oc-housing',
    parent: 'social',
    name: t('Housing and shelter', 'Mieszkanie i schronienie', 'Житло та притулок', 'Жильё и приют', 'السكن والمأوى'),
    description: t(
      'Help for people without a home and with housing problems.',
      'Pomoc dla osób bez domu i z problemami mieszkaniowymi.',
      'Допомога людям без житла та з житловими проблемами.',
      'Помощь людям без жилья и с жилищными проблемами.',
      'مساعدة للأشخاص بلا مأوى ولمن لديهم مشكلات في السكن.',
    ),
  },
  education: {
    code: 'oc-education',
    name: t(
      'Education and Polish',
      'Edukacja i język polski',
      'Освіта та польська мова',
      'Образование и польский язык',
      'التعليم واللغة البولندية',
    ),
    description: t(
      'School, certificates, libraries and Polish courses.',
      'Szkoła, świadectwa, biblioteki i kursy polskiego.',
      'Школа, свідоцтва, бібліотеки та курси польської.',
      'Школа, аттестаты, библиотеки и курсы польского.',
      'المدرسة، والشهادات، والمكتبات، ودورات اللغة البولندية.',
    ),
  },
  school: {
    code: 'oc-school',
    parent: 'education',
    name: t('School', 'Szkoła', 'Школа', 'Школа', 'المدرسة'),
    description: t(
      'School places for children and recognition of school certificates.',
      'Miejsca w szkołach dla dzieci i uznawanie świadectw.',
      'Місця в школах для дітей і визнання свідоцтв.',
      'Места в школах для детей и признание аттестатов.',
      'مقاعد مدرسية للأطفال والاعتراف بالشهادات المدرسية.',
    ),
  },
  polish: {
    code: 'oc-language',
    parent: 'education',
    name: t('Learning Polish', 'Nauka polskiego', 'Вивчення польської', 'Изучение польского', 'تعلّم البولندية'),
    description: t(
      'Polish courses and places to practise.',
      'Kursy polskiego i miejsca do ćwiczenia języka.',
      'Курси польської та місця для мовної практики.',
      'Курсы польского и места для языковой практики.',
      'دورات في اللغة البولندية وأماكن لممارستها.',
    ),
  },
  information: {
    code: 'oc-information',
    name: t(
      'Information and integration',
      'Informacja i integracja',
      'Інформація та інтеграція',
      'Информация и интеграция',
      'المعلومات والاندماج',
    ),
    description: t(
      'Where to ask about life in Kraków, and places to meet people.',
      'Gdzie zapytać o życie w Krakowie i gdzie poznać ludzi.',
      'Де запитати про життя в Кракові і де познайомитися з людьми.',
      'Где спросить о жизни в Кракове и где познакомиться с людьми.',
      'أين تسأل عن الحياة في كراكوف وأين تلتقي بالناس.',
    ),
  },
  emergency: {
    code: 'oc-emergency',
    name: t(
      'Emergency and helplines',
      'Alarmowe i telefony zaufania',
      'Екстрені та гарячі лінії',
      'Экстренные и горячие линии',
      'الطوارئ وخطوط المساعدة',
    ),
    description: t(
      'Numbers to call at once, day or night.',
      'Numery, pod które można zadzwonić od razu, w dzień i w nocy.',
      'Номери, за якими можна подзвонити одразу, вдень і вночі.',
      'Номера, по которым можно позвонить сразу, днём и ночью.',
      'أرقام يمكنك الاتصال بها فورًا، ليلًا ونهارًا.',
    ),
  },
  safety: {
    code: 'oc-safety',
    name: t(
      'Safety and reporting',
      'Bezpieczeństwo i zgłoszenia',
      'Безпека та повідомлення',
      'Безопасность и заявления',
      'السلامة والإبلاغ',
    ),
    description: t(
      'Reporting a crime, hate or violence, and protecting children.',
      'Zgłaszanie przestępstwa, nienawiści lub przemocy i ochrona dzieci.',
      'Повідомлення про злочин, ненависть чи насильство та захист дітей.',
      'Сообщение о преступлении, ненависти или насилии и защита детей.',
      'الإبلاغ عن جريمة أو كراهية أو عنف، وحماية الأطفال.',
    ),
  },
};
