"""Tests of generator/rules/, one module per rule family; each breaks a fixture record and reads the message."""

# Records of tests/fixtures/site that the rules' tests break.
COMP = "site_data/2023/competitions/zhuangpei.yml"
PIONEER = "site_data/2023/collectives/zongzhuang.yml"
PERSON = "site_data/2023/people/nong-ceshi.yml"
