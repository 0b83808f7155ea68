"""Words the fuzzy matcher must never "correct" into a controlled name.

These are ordinary chemicals and trade words that sit one or two letters away from a listed
name (butanol/butanone, propanol/propanone, piperazine/piperidine ...). A token whose key is in
this lexicon, or in any synonym, is taken as written.
"""

from __future__ import annotations

KNOWN_WORDS = """
butanol butanols propanol isopropanol propanols ethanol methanol pentanol hexanol octanol
piperazine piperazin toluidine toluidin acetonitrile acetate acetates acetic benzene benzol
xylene xylol hexane heptane pentane phenol phenols aniline pyridine manganate manganese
sulphur sulfur sulphate sulfate sulphates sulfates sulphite sulfite chloride chlorides
phenylalanine ephedra ephedrae methyl ethyl butyl propyl nitrate nitrates nitric formic citric
oxalic benzoic benzyl cyclohexanone cyclohexane acetaldehyde formaldehyde propionic butyric
phosphoric phosphate phosphates glycerol glycerine glycol ethylene propylene styrene
butadiene acrylic acetylene ammonia ammonium carbonate bicarbonate hydroxide peroxide
hypochlorite acetylsalicylic salicylic ascorbic lactic tartaric maleic fumaric succinic
adipic stearic oleic palmitic vanillin menthol camphor caffeine paracetamol drotaverine
amoxicillin ibuprofen toluenesulfonic diisocyanate isocyanate cyanide nitrite nitrile
propane butane methane ethane chloroform dichloromethane carbon tetrachloride trichloroethylene
perchloroethylene kerosene gasoline paraffin bitumen resin polymer polyethylene polypropylene
methacrylate acrylate silicone silicate aluminium aluminum sodium potassium calcium magnesium
lithium barium zinc copper iron ferric ferrous chromium nickel cobalt titanium dioxide oxide
acetophenone propiophenone benzophenone piperonyl piperine anthracene naphthalene
phenylethylamine phenethylamine ethylamine dimethylamine trimethylamine diethylamine
triethylamine butylamine propylamine ethanolamine isopropylamine nitromethane nitropropane
nitrobenzene nitrotoluene ethoxyethanol methoxyethanol butoxyethanol propanediol ethanediol
butanediamine acetylacetone methylacetone dimethylformamide dimethylsulfoxide tetrahydrofuran
dioxane pyrrolidone methylpyrrolidone acetamide benzamide formamide urea thiourea hydrazine
pentanone hexanone heptanone methylisobutylketone cyclopentanone hydrofluoric hydrobromic
hypochlorous perchloric chloric hydrocyanic phenylethanol phenylethyl phenoxyethanol
diethylketone methylpropylketone methylacetate ethylacetate butylacetate
бутанол пропанол изопропанол этанол метанол пентанол гексанол октанол пиперазин толуидин
ацетонитрил ацетат ацетаты уксусная уксусный уксусной бензол ксилол гексан гептан пентан
фенол анилин пиридин манганат марганец марганца сера серы сульфат сульфаты сульфит хлорид
хлориды фенилаланин эфедра эфедры метиловый этиловый бутиловый пропиловый нитрат нитраты
азотная азотной муравьиная лимонная щавелевая бензойная бензиловый циклогексанон циклогексан
ацетальдегид формальдегид пропионовая масляная фосфорная фосфат глицерин гликоль этилен
пропилен стирол аммиак аммиачная аммоний карбонат гидрокарбонат гидроксид пероксид перекись
гипохлорит ацетилсалициловая салициловая аскорбиновая молочная винная малеиновая янтарная
ванилин ментол камфора кофеин парацетамол дротаверин дротаверина хлороформ дихлорметан
керосин бензин парафин битум полиэтилен полипропилен натрий натрия калий калия кальций
кальция магний магния литий лития цинк медь железо двуокись диоксид оксид окись ацетофенон
пропиофенон бензофенон пиперонилбутоксид нафталин этиламин диметиламин триметиламин
диэтиламин триэтиламин этаноламин нитрометан нитропропан нитробензол нитротолуол
диметилформамид диметилсульфоксид тетрагидрофуран диоксан пирролидон ацетамид мочевина
гидразин пентанон гексанон циклопентанон метилизобутилкетон плавиковая фтористоводородная
бромистоводородная хлорная хлорноватистая синильная фенилэтанол диэтилкетон метилпропилкетон
""".split()
