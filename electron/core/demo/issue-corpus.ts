import type { IssueKind } from '../../../shared/domain/issues/issue';

/**
 * Demo data for `esep generate`: what residents of a district actually raise at reporting
 * meetings (roads, water, gas, light, school buses, pastures…), in Kazakh and in Russian,
 * each sentence tagged with its category (a seed category code) and kind. `{street}` takes a
 * street name. Not UI text: the generated records are data, like a secretary's typing.
 */

export type CorpusLanguage = 'kk' | 'ru';

export interface CorpusSentence {
  category: string;
  kind: IssueKind;
  text: string;
}

export const ISSUE_SENTENCES: Record<CorpusLanguage, readonly CorpusSentence[]> = {
  kk: [
    { category: 'roads', kind: 'complaint', text: '{street} көшесіндегі жол әбден бұзылған, жаңбыр жауса көлік жүре алмайды.' },
    { category: 'roads', kind: 'request', text: 'Ауылға кіре берістегі жолды асфальттауды сұраймыз.' },
    { category: 'roads', kind: 'question', text: 'Аудан орталығына апаратын жолды орташа жөндеу қашан басталады?' },
    { category: 'roads', kind: 'request', text: 'Өзен үстіндегі көпір апатты жағдайда, оны жөндеу қажет.' },
    { category: 'roads', kind: 'complaint', text: '{street} көшесіндегі шұңқырлар көктемнен бері көмілмеді.' },
    { category: 'water', kind: 'complaint', text: 'Ауыз су кестемен беріледі, жазда тәулігіне екі сағат қана келеді.' },
    { category: 'water', kind: 'question', text: '{street} көшесіне су құбыры қашан тартылады?' },
    { category: 'water', kind: 'request', text: 'Ауылдағы су тазарту қондырғысын жаңартуды сұраймыз.' },
    { category: 'water', kind: 'complaint', text: 'Су құбыры жиі жарылады, ауыл бірнеше күн сусыз қалады.' },
    { category: 'gas', kind: 'question', text: 'Ауылды газдандыру жобасы қай жылы жүзеге асады?' },
    { category: 'gas', kind: 'request', text: '{street} көшесіндегі үйлерді газ құбырына қосуды сұраймыз.' },
    { category: 'gas', kind: 'complaint', text: 'Газға қосылу құны тым қымбат, көпбалалы отбасыларға жеңілдік керек.' },
    { category: 'power', kind: 'complaint', text: '{street} көшесінде көше жарығы жанбайды, кешке балалар қараңғыда жүреді.' },
    { category: 'power', kind: 'request', text: 'Ауылдың шетіндегі көшелерге жарық шамдарын орнатуды сұраймыз.' },
    { category: 'power', kind: 'complaint', text: 'Электр қуаты жиі сөніп қалады, тұрмыстық техника істен шығуда.' },
    { category: 'power', kind: 'proposal', text: 'Ескі ағаш электр бағаналарын темірбетон бағаналарға ауыстыру ұсынылады.' },
    { category: 'heating', kind: 'complaint', text: 'Қазандықтың қуаты жетпейді, мектептің сыныптары суық.' },
    { category: 'heating', kind: 'question', text: 'Жылу беру маусымына дайындық қашан аяқталады?' },
    { category: 'housing', kind: 'question', text: 'Жас отбасыларға арналған жалдамалы тұрғын үй кезегі қалай жылжып жатыр?' },
    { category: 'housing', kind: 'request', text: 'Апатты үйде тұрамыз, баспанамен қамтуды сұраймыз.' },
    { category: 'utilities', kind: 'complaint', text: 'Қоқыс уақытында шығарылмайды, контейнер алаңы толып кеткен.' },
    { category: 'utilities', kind: 'question', text: 'Ауыз су тарифі неге көтерілді?' },
    { category: 'improvement', kind: 'request', text: 'Ауыл орталығында балалар ойын алаңын салуды сұраймыз.' },
    { category: 'improvement', kind: 'proposal', text: 'Саябақтағы орындықтар мен жаяу жүргінші жолдарын жөндеу ұсынылады.' },
    { category: 'land', kind: 'question', text: 'Жеке тұрғын үй салуға жер телімін алу кезегі қашан келеді?' },
    { category: 'land', kind: 'complaint', text: 'Жайылымдық жердің бір бөлігі заңсыз жыртылған.' },
    { category: 'agriculture', kind: 'request', text: 'Малды жаппай егу науқанын ертерек бастауды сұраймыз.' },
    { category: 'agriculture', kind: 'complaint', text: 'Ауылға жақын жайылым жетіспейді, мал жаятын жер жоқ.' },
    { category: 'agriculture', kind: 'question', text: 'Мал қорымы қашан салынады?' },
    { category: 'employment', kind: 'proposal', text: 'Жастарды жұмыспен қамту үшін ауылда шағын цех ашу керек.' },
    { category: 'social', kind: 'question', text: 'Мүгедектігі бар азаматтарға санаторийлік жолдамалар қалай беріледі?' },
    { category: 'health', kind: 'complaint', text: 'Фельдшерлік-акушерлік пунктте дәрігер жоқ, мамандар аптасына бір рет келеді.' },
    { category: 'health', kind: 'request', text: 'Ауылға жедел жәрдем көлігін бекітуді сұраймыз.' },
    { category: 'education', kind: 'complaint', text: 'Мектептің шатыры ағып тұр, күрделі жөндеу керек.' },
    { category: 'education', kind: 'request', text: 'Балаларды мектепке тасымалдайтын автобус бөлу қажет.' },
    { category: 'education', kind: 'question', text: 'Балабақшада орын жетіспейді, жаңа топ қашан ашылады?' },
    { category: 'education', kind: 'complaint', text: 'Мектептің спорт залы жылытылмайды.' },
    { category: 'telecom', kind: 'complaint', text: 'Ауылда ұялы байланыс пен интернет нашар, оқушылар сабаққа қосыла алмайды.' },
    { category: 'transport', kind: 'request', text: 'Аудан орталығына қатынайтын автобус рейстерін көбейтуді сұраймыз.' },
    { category: 'culture', kind: 'proposal', text: 'Мәдениет үйінің ғимаратын жөндеп, үйірмелер ашу ұсынылады.' },
    { category: 'culture', kind: 'request', text: 'Ауылдағы спорт алаңына жасанды жабын төсеуді сұраймыз.' },
    { category: 'safety', kind: 'remark', text: 'Түнде көшеде бейтаныс адамдар жүреді, учаскелік полиция инспекторы керек.' },
    { category: 'ecology', kind: 'complaint', text: 'Қаңғыбас иттер көбейіп кетті, балалар мектепке қорқып барады.' },
    { category: 'ecology', kind: 'remark', text: 'Ауыл маңында заңсыз қоқыс үйінділері пайда болды.' },
    { category: 'business', kind: 'question', text: 'Шағын бизнесті дамытуға жеңілдетілген несие алу тәртібі қандай?' },
  ],
  ru: [
    { category: 'roads', kind: 'complaint', text: 'Дорога по улице {street} полностью разбита, после дождя машины не проходят.' },
    { category: 'roads', kind: 'request', text: 'Просим заасфальтировать въезд в село.' },
    { category: 'roads', kind: 'question', text: 'Когда начнется средний ремонт дороги до районного центра?' },
    { category: 'roads', kind: 'request', text: 'Мост через реку в аварийном состоянии, требуется ремонт.' },
    { category: 'roads', kind: 'complaint', text: 'Ямы на улице {street} не засыпаны с весны.' },
    { category: 'water', kind: 'complaint', text: 'Питьевая вода подается по графику, летом только два часа в сутки.' },
    { category: 'water', kind: 'question', text: 'Когда проведут водопровод на улицу {street}?' },
    { category: 'water', kind: 'request', text: 'Просим обновить водоочистную установку в селе.' },
    { category: 'water', kind: 'complaint', text: 'Водопровод часто прорывает, село по несколько дней остается без воды.' },
    { category: 'gas', kind: 'question', text: 'В каком году будет реализован проект газификации села?' },
    { category: 'gas', kind: 'request', text: 'Просим подключить дома по улице {street} к газопроводу.' },
    { category: 'gas', kind: 'complaint', text: 'Подключение к газу слишком дорогое, нужна льгота для многодетных семей.' },
    { category: 'power', kind: 'complaint', text: 'На улице {street} не горит уличное освещение, дети вечером ходят в темноте.' },
    { category: 'power', kind: 'request', text: 'Просим установить фонари на окраинных улицах села.' },
    { category: 'power', kind: 'complaint', text: 'Часто отключается электричество, выходит из строя бытовая техника.' },
    { category: 'power', kind: 'proposal', text: 'Предлагаем заменить старые деревянные опоры ЛЭП на железобетонные.' },
    { category: 'heating', kind: 'complaint', text: 'Котельная не справляется, в классах школы холодно.' },
    { category: 'heating', kind: 'question', text: 'Когда завершится подготовка к отопительному сезону?' },
    { category: 'housing', kind: 'question', text: 'Как продвигается очередь на арендное жилье для молодых семей?' },
    { category: 'housing', kind: 'request', text: 'Живем в аварийном доме, просим предоставить жилье.' },
    { category: 'utilities', kind: 'complaint', text: 'Мусор вывозится несвоевременно, контейнерная площадка переполнена.' },
    { category: 'utilities', kind: 'question', text: 'Почему повысился тариф на питьевую воду?' },
    { category: 'improvement', kind: 'request', text: 'Просим построить детскую игровую площадку в центре села.' },
    { category: 'improvement', kind: 'proposal', text: 'Предлагаем отремонтировать скамейки и пешеходные дорожки в парке.' },
    { category: 'land', kind: 'question', text: 'Когда подойдет очередь на земельный участок под индивидуальное жилье?' },
    { category: 'land', kind: 'complaint', text: 'Часть пастбищных земель незаконно распахана.' },
    { category: 'agriculture', kind: 'request', text: 'Просим начать массовую вакцинацию скота пораньше.' },
    { category: 'agriculture', kind: 'complaint', text: 'Не хватает пастбищ рядом с селом, негде пасти скот.' },
    { category: 'agriculture', kind: 'question', text: 'Когда построят скотомогильник?' },
    { category: 'employment', kind: 'proposal', text: 'Для занятости молодежи нужно открыть в селе небольшой цех.' },
    { category: 'social', kind: 'question', text: 'Как выдаются санаторно-курортные путевки лицам с инвалидностью?' },
    { category: 'health', kind: 'complaint', text: 'В фельдшерско-акушерском пункте нет врача, специалисты приезжают раз в неделю.' },
    { category: 'health', kind: 'request', text: 'Просим закрепить за селом машину скорой помощи.' },
    { category: 'education', kind: 'complaint', text: 'Протекает крыша школы, нужен капитальный ремонт.' },
    { category: 'education', kind: 'request', text: 'Нужен автобус для подвоза детей в школу.' },
    { category: 'education', kind: 'question', text: 'В детском саду не хватает мест, когда откроют новую группу?' },
    { category: 'education', kind: 'complaint', text: 'Спортзал школы не отапливается.' },
    { category: 'telecom', kind: 'complaint', text: 'В селе плохая сотовая связь и интернет, школьники не могут подключиться к урокам.' },
    { category: 'transport', kind: 'request', text: 'Просим увеличить число рейсов автобуса до районного центра.' },
    { category: 'culture', kind: 'proposal', text: 'Предлагаем отремонтировать Дом культуры и открыть кружки.' },
    { category: 'culture', kind: 'request', text: 'Просим уложить искусственное покрытие на спортивной площадке села.' },
    { category: 'safety', kind: 'remark', text: 'Ночью по улицам ходят посторонние, нужен участковый инспектор.' },
    { category: 'ecology', kind: 'complaint', text: 'Развелось много бродячих собак, дети боятся ходить в школу.' },
    { category: 'ecology', kind: 'remark', text: 'Возле села появились стихийные свалки.' },
    { category: 'business', kind: 'question', text: 'Каков порядок получения льготного кредита на развитие малого бизнеса?' },
  ],
};

/** What the akim or an official answers on the spot. */
export const SPOT_ANSWERS: Record<CorpusLanguage, readonly string[]> = {
  kk: [
    'Жұмыстар ағымдағы жылдың бюджетіне енгізілді, мердігер конкурс арқылы анықталады.',
    'Жоба-сметалық құжаттама әзірленуде, құрылыс келесі жылы басталады.',
    'Заңнамаға сәйкес тәртібі түсіндірілді, қажетті құжаттар тізімі берілді.',
    'Мәселе бойынша өтінім облыстық бюджетке жіберілген, шешімі күтілуде.',
  ],
  ru: [
    'Работы включены в бюджет текущего года, подрядчик определяется по конкурсу.',
    'Разрабатывается проектно-сметная документация, строительство начнется в следующем году.',
    'Разъяснен порядок в соответствии с законодательством, выдан перечень необходимых документов.',
    'Заявка по вопросу направлена в областной бюджет, ожидается решение.',
  ],
};

/** The comment closing an issue with each seed status. */
export const CLOSING_NOTES: Record<CorpusLanguage, Record<'done' | 'explained' | 'forwarded' | 'rejected' | 'planned', readonly string[]>> = {
  kk: {
    done: ['Жұмыстар толық орындалды, тұрғындар қабылдау актісіне қол қойды.', 'Ақаулық жойылды, өтініш берушіге хабарланды.'],
    explained: ['Өтініш берушіге жазбаша түсіндірме жіберілді.', 'Тұрғындармен кездесуде түсіндірме берілді.'],
    forwarded: ['Құзыреті бойынша облыстық басқармаға жіберілді.', 'e-Otinish арқылы тиісті мемлекеттік органға жолданды.'],
    rejected: ['Заңнамаға сәйкес келмейтіндіктен бас тартылды.', 'Жер телімі қорғау аймағында орналасқандықтан бас тартылды.'],
    planned: ['Келесі жылғы бюджеттік өтінімге енгізілді.', 'Өңірді дамыту бағдарламасының жоспарына енгізілді.'],
  },
  ru: {
    done: ['Работы выполнены полностью, жители подписали акт приемки.', 'Неисправность устранена, заявитель уведомлен.'],
    explained: ['Заявителю направлено письменное разъяснение.', 'Разъяснение дано на встрече с жителями.'],
    forwarded: ['Направлено по компетенции в областное управление.', 'Передано через e-Otinish в уполномоченный орган.'],
    rejected: ['Отказано как не соответствующее законодательству.', 'Отказано: участок находится в охранной зоне.'],
    planned: ['Включено в бюджетную заявку на следующий год.', 'Включено в план программы развития территории.'],
  },
};

export const PROLONGATION_REASONS: Record<CorpusLanguage, readonly string[]> = {
  kk: ['Мердігер ауыстырылды', 'Қаржыландыру келесі тоқсанға ауыстырылды', 'Ауа райына байланысты жұмыстар тоқтатылды', 'Жоба-сметалық құжаттама сараптамада'],
  ru: ['Сменился подрядчик', 'Финансирование перенесено на следующий квартал', 'Работы приостановлены из-за погодных условий', 'Проектно-сметная документация на экспертизе'],
};

/** The district's departments and organisations that answer for issues, and the categories each owns. */
export const BODY_DIRECTORY: ReadonlyArray<{ nameKk: string; nameRu: string; categories: readonly string[]; positionKk: string }> = [
  { nameKk: 'Тұрғын үй-коммуналдық шаруашылық бөлімі', nameRu: 'Отдел жилищно-коммунального хозяйства', categories: ['water', 'heating', 'utilities'], positionKk: 'бөлім басшысы' },
  { nameKk: 'Жолаушылар көлігі және автомобиль жолдары бөлімі', nameRu: 'Отдел пассажирского транспорта и автомобильных дорог', categories: ['roads', 'transport'], positionKk: 'бас маман' },
  { nameKk: '«QazaqGaz Аймақ» АҚ аудандық газ шаруашылығы', nameRu: 'Районное газовое хозяйство АО «QazaqGaz Аймақ»', categories: ['gas'], positionKk: 'бастық' },
  { nameKk: 'Аймақтық электр желілік компаниясы', nameRu: 'Региональная электросетевая компания', categories: ['power'], positionKk: 'аудандық электр желілерінің бастығы' },
  { nameKk: 'Құрылыс, сәулет және қала құрылысы бөлімі', nameRu: 'Отдел строительства, архитектуры и градостроительства', categories: ['housing'], positionKk: 'бөлім басшысы' },
  { nameKk: 'Жер қатынастары бөлімі', nameRu: 'Отдел земельных отношений', categories: ['land'], positionKk: 'бас маман' },
  { nameKk: 'Ауыл шаруашылығы және ветеринария бөлімі', nameRu: 'Отдел сельского хозяйства и ветеринарии', categories: ['agriculture'], positionKk: 'бөлім басшысы' },
  { nameKk: 'Жұмыспен қамту және әлеуметтік бағдарламалар бөлімі', nameRu: 'Отдел занятости и социальных программ', categories: ['employment', 'social'], positionKk: 'бөлім басшысының орынбасары' },
  { nameKk: 'Аудандық аурухана', nameRu: 'Районная больница', categories: ['health'], positionKk: 'бас дәрігер' },
  { nameKk: 'Білім бөлімі', nameRu: 'Отдел образования', categories: ['education'], positionKk: 'бөлім басшысы' },
  { nameKk: '«Қазақтелеком» АҚ аудандық торабы', nameRu: 'Районный узел АО «Казахтелеком»', categories: ['telecom'], positionKk: 'бастық' },
  { nameKk: 'Мәдениет, тілдерді дамыту, дене шынықтыру және спорт бөлімі', nameRu: 'Отдел культуры, развития языков, физической культуры и спорта', categories: ['culture'], positionKk: 'бөлім басшысы' },
  { nameKk: 'Аудандық полиция бөлімі', nameRu: 'Районный отдел полиции', categories: ['safety'], positionKk: 'учаскелік полиция инспекторы' },
  { nameKk: 'Кәсіпкерлік бөлімі', nameRu: 'Отдел предпринимательства', categories: ['business'], positionKk: 'бас маман' },
  { nameKk: 'Ауылдық округ әкімінің аппараты', nameRu: 'Аппарат акима сельского округа', categories: ['improvement', 'ecology', 'other'], positionKk: 'әкім орынбасары' },
];
