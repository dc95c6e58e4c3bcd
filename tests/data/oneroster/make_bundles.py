#!/usr/bin/env python3
# Writes the test bundles in this folder: v1.1/, v1.2/ (the same small school in each version)
# and broken/ (one mistake of each kind, listed in broken/README.md). The files are byte for byte
# what schoolctl's OneRoster writer makes of them (CRLF, UTF-8 without BOM, quotes only where
# needed, the manifest listing every file of the version in the spec's order), which the writer
# test checks. Run it after changing a bundle here, never by hand-editing the CSVs.
import os
ROOT = os.path.dirname(os.path.abspath(__file__))

def field(v):
    if any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v

def write(folder, name, rows):
    with open(os.path.join(ROOT, folder, name), 'wb') as f:
        for r in rows:
            f.write((','.join(field(x) for x in r) + '\r\n').encode('utf-8'))

FILES_11 = ['academicSessions','categories','classes','classResources','courses','courseResources',
            'demographics','enrollments','lineItems','orgs','resources','results','users']
FILES_12 = ['academicSessions','categories','classes','classResources','courses','courseResources',
            'demographics','enrollments','lineItemLearningObjectiveIds','lineItems','lineItemScoreScales',
            'orgs','resources','resultLearningObjectiveIds','results','resultScoreScales','roles',
            'scoreScales','userProfiles','userResources','users']
PRESENT = {'academicSessions','classes','courses','demographics','enrollments','orgs','users','roles'}

def manifest(version, files, extra=()):
    rows = [['propertyName','value'],['manifest.version','1.0'],['oneroster.version',version]]
    rows += [['file.'+f, 'bulk' if f in PRESENT else 'absent'] for f in files]
    rows += list(extra)
    return rows

ORGS = [['sourcedId','status','dateLastModified','name','type','identifier','parentSourcedId'],
        ['org-dep','','','Департамент образования и науки города Москвы','district','DOGM',''],
        ['org-1234','','','ГБОУ «Школа № 1234», г. Москва','school','1234','org-dep']]
SESSIONS = [['sourcedId','status','dateLastModified','title','type','startDate','endDate','parentSourcedId','schoolYear'],
            ['as-2027','','','2026/2027 учебный год','schoolYear','2026-09-01','2027-05-26','','2027'],
            ['as-2027-q1','','','I четверть','term','2026-09-01','2026-10-24','as-2027','2027'],
            ['as-2027-q2','','','II четверть','term','2026-11-05','2026-12-28','as-2027','2027']]
COURSES = [['sourcedId','status','dateLastModified','schoolYearSourcedId','title','courseCode','grades','orgSourcedId','subjects','subjectCodes'],
           ['crs-math-5','','','as-2027','Математика, 5 класс','MATH-5','05','org-1234','Математика','MATH'],
           ['crs-rus-5','','','as-2027','Русский язык, 5 класс','RUS-5','05','org-1234','Русский язык','RUS']]
CLASSES = [['sourcedId','status','dateLastModified','title','grades','courseSourcedId','classCode','classType','location','schoolSourcedId','termSourcedIds','subjects','subjectCodes','periods'],
           ['cls-5a-math','','','5А — Математика','05','crs-math-5','5А-МАТ','scheduled','Кабинет 21 "Б"','org-1234','as-2027-q1,as-2027-q2','Математика','MATH','1,3'],
           ['cls-5b-rus','','','5Б — Русский язык','05','crs-rus-5','5Б-РУС','scheduled','Кабинет 14','org-1234','as-2027-q1,as-2027-q2','Русский язык','RUS','2']]

# (id, role11, roles12 [(role, org, primary, roleId)], username, userIds, given, family, middle, email, agents, grades)
PEOPLE = [
 ('t-kovaleva','teacher',[('teacher','org-1234',True,'r-t-kovaleva')],'kovaleva.as','{RU:TCH-001}','Анна','Ковалёва','Сергеевна','kovaleva.as@school1234.example','',''),
 ('t-semenov','teacher',[('teacher','org-1234',True,'r-t-semenov-1'),('principal','org-1234',False,'r-t-semenov-2')],'semenov.pi','{RU:TCH-002}','Пётр','Семёнов','Ильич','semenov.pi@school1234.example','',''),
 ('s-elkin','student',[('student','org-1234',True,'r-s-elkin')],'elkin.fa','{RU:PUP-101}','Фёдор','Ёлкин','Андреевич','','g-elkina','05'),
 ('s-elkina','student',[('student','org-1234',True,'r-s-elkina')],'elkina.aa','{RU:PUP-102}','Алёна','Ёлкина','Андреевна','','g-elkina,g-orlov','05'),
 ('s-ivanov','student',[('student','org-1234',True,'r-s-ivanov')],'ivanov.ad','{RU:PUP-103}','Артём','Иванов','Дмитриевич','','','05'),
 ('g-elkina','guardian',[('guardian','org-1234',True,'r-g-elkina')],'elkina.mv','','Мария','Ёлкина','Викторовна','elkina.mv@mail.example','s-elkin,s-elkina',''),
 ('g-orlov','parent',[('parent','org-1234',True,'r-g-orlov')],'orlov.so','','Сергей','Орлов','Олегович','','s-elkina',''),
]

def users11():
    rows=[['sourcedId','status','dateLastModified','enabledUser','orgSourcedIds','role','username','userIds','givenName','familyName','middleName','identifier','email','sms','phone','agentSourcedIds','grades','password']]
    for (i,r11,_,un,uids,g,f,m,e,ag,gr) in PEOPLE:
        rows.append([i,'','','true','org-1234',r11,un,uids,g,f,m,'',e,'','',ag,gr,''])
    return rows

def users12():
    rows=[['sourcedId','status','dateLastModified','enabledUser','username','userIds','givenName','familyName','middleName','identifier','email','sms','phone','agentSourcedIds','grades','password','userMasterIdentifier','resourceSourcedIds','preferredGivenName','preferredMiddleName','preferredFamilyName','primaryOrgSourcedId','pronouns']]
    for (i,_,_,un,uids,g,f,m,e,ag,gr) in PEOPLE:
        pref = 'Алёнка' if i=='s-elkina' else ''
        rows.append([i,'','','true',un,uids,g,f,m,'',e,'','',ag,gr,'','','',pref,'','','org-1234',''])
    return rows

def roles12():
    rows=[['sourcedId','status','dateLastModified','userSourcedId','roleType','role','beginDate','endDate','orgSourcedId','userProfileSourcedId']]
    for (i,_,rs,*_) in PEOPLE:
        for (role,org,prim,rid) in rs:
            rows.append([rid,'','',i,'primary' if prim else 'secondary',role,'2026-09-01' if role=='principal' else '','',org,''])
    return rows

ENROLLMENTS = [['sourcedId','status','dateLastModified','classSourcedId','schoolSourcedId','userSourcedId','role','primary','beginDate','endDate'],
    ['enr-1','','','cls-5a-math','org-1234','t-kovaleva','teacher','true','',''],
    ['enr-2','','','cls-5a-math','org-1234','s-elkin','student','false','2026-09-01','2027-05-26'],
    ['enr-3','','','cls-5a-math','org-1234','s-elkina','student','false','2026-09-01','2027-05-26'],
    ['enr-4','','','cls-5b-rus','org-1234','t-semenov','teacher','true','',''],
    ['enr-5','','','cls-5b-rus','org-1234','s-ivanov','student','','2026-09-01','']]

DEMOGRAPHICS = [['sourcedId','status','dateLastModified','birthDate','sex','americanIndianOrAlaskaNative','asian','blackOrAfricanAmerican','nativeHawaiianOrOtherPacificIslander','white','demographicRaceTwoOrMoreRaces','hispanicOrLatinoEthnicity','countryOfBirthCode','stateOfBirthAbbreviation','cityOfBirth','publicSchoolResidenceStatus'],
    ['s-elkin','','','2014-03-01','male','','','','','','','','','','',''],
    ['s-elkina','','','2015-02-28','female','','','','','','','','','','',''],
    ['s-ivanov','','','2014-12-31','male','','','','','','','','','','','']]

for folder, version, files, users in [('v1.1','1.1',FILES_11,users11()),('v1.2','1.2',FILES_12,users12())]:
    write(folder,'manifest.csv',manifest(version,files,[['source.systemName','Школьный журнал']]))
    write(folder,'orgs.csv',ORGS)
    write(folder,'academicSessions.csv',SESSIONS)
    write(folder,'courses.csv',COURSES)
    write(folder,'classes.csv',CLASSES)
    write(folder,'users.csv',users)
    write(folder,'enrollments.csv',ENROLLMENTS)
    write(folder,'demographics.csv',DEMOGRAPHICS)
write('v1.2','roles.csv',roles12())

# ---- broken/: a OneRoster 1.2 bundle with one mistake of each kind (see its README.md).
B = 'broken'
man = manifest('1.2', FILES_12)
for r in man:
    if r[0] == 'file.lineItems': r[1] = 'bulk'          # ... but there is no lineItems.csv
    if r[0] == 'file.results': r[1] = 'full'            # not a processing mode
    if r[0] == 'file.roles': r[1] = 'delta'             # status/dateLastModified rules for delta
write(B, 'manifest.csv', man)
write(B, 'courseResources.csv', [['sourcedId']])        # present, though the manifest says absent
orgs = [list(r) for r in ORGS]
orgs[1][1] = 'active'                                   # status in a bulk file
orgs.append(['org-gym','','','Гимназия № 5','gymnasium','5','org-dep'])   # org type
write(B, 'orgs.csv', orgs)
ses = [list(r) for r in SESSIONS]
ses[2][4] = 'quarter'                                   # session type
ses[3][5] = '2026-09-31'                                # not a date
ses[3][8] = ''                                          # schoolYear is required
write(B, 'academicSessions.csv', ses)
crs = [list(r) for r in COURSES]
crs[2][7] = 'org-9999'                                  # course -> unknown org
crs.append(['crs-bio-5','','','as-2027','Биология, 5 класс','BIO-5','05','org-1234','Биология'])  # a field short
write(B, 'courses.csv', crs)
cls = [list(r) for r in CLASSES]
cls[1][5] = 'crs-none'                                  # class -> unknown course
cls[2][9] = 'org-404'                                   # class -> unknown school
cls[2][10] = 'as-2027-q1,as-2027-q9'                    # class -> unknown term
write(B, 'classes.csv', cls)
us = users12()
us[1][3] = 'yes'                                        # boolean
us[3][6] = ''                                           # givenName is required
us[5][13] = 'g-orlov,u-999'                            # agent -> unknown user
write(B, 'users.csv', us)
ro = roles12()
ro[1][1] = 'deleted'; ro[1][2] = '2026-09-01 10:00'    # delta: status, dateLastModified
for r in ro[2:]:
    r[1] = 'active'; r[2] = '2026-09-01T10:00:00Z'
ro[3][5] = 'director'                                   # role vocabulary (1.2)
write(B, 'roles.csv', ro)
en = [list(r) for r in ENROLLMENTS]
en[1][3] = 'cls-unknown'                                # enrollment -> unknown class
en[2][5] = 's-ghost'                                    # enrollment -> unknown user
en[3][6] = 'pupil'                                      # enrollment role
en[5][9] = '2026-08-31'                                 # ends before it begins
write(B, 'enrollments.csv', en)
de = [list(r) for r in DEMOGRAPHICS]
de[0][3] = 'birthdate'                                  # header: names are case-sensitive
write(B, 'demographics.csv', de)
