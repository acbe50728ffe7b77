"""Plausible people, organisations and places for demo data and tests: valid resident ID numbers
and unified social credit codes (checksums computed, never real persons)."""

from __future__ import annotations

import random
import string
from datetime import date, timedelta

from stdnum.cn import ric, uscc

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕红梅文辉玉兰晓东立新春生德明国华永红建华小红"
STREETS = ["外海街道", "江南街道", "礼乐街道", "滘头街道", "滘北街道"]
ROADS = ["金瓯路", "江海一路", "五邑路", "龙溪路", "东海路", "高新东路", "连海路", "胜利路"]
SHOP_KINDS = ["食品商行", "便利店", "餐饮店", "五金店", "贸易有限公司", "电子科技有限公司", "建材经营部", "药房",
              "生鲜超市", "汽车维修厂"]
SHOP_NAMES = ["鸿运", "金利", "百家", "顺发", "兴旺", "宏达", "嘉禾", "新华", "东升", "福源", "恒泰", "永安", "大丰", "万佳", "佳美", "华润"]
REGION = "440704"  # 江门市江海区

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def person_name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return rng.choice(SURNAMES) + given


def resident_id(rng: random.Random, born_from: int = 1955, born_to: int = 2004) -> str:
    birth = date(born_from, 1, 1) + timedelta(days=rng.randrange((date(born_to, 12, 31) - date(born_from, 1, 1)).days))
    region = REGION if birth.year >= 1994 else "440700"  # 江海区 exists since 1994; before: 江门市
    body = f"{region}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")


def credit_code(rng: random.Random) -> str:
    org = "".join(rng.choice(string.digits + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    org = org[:8] + rng.choice(string.digits)
    body = "91" + REGION + org
    assert all(c in _USCC_CHARS for c in body)
    return body + uscc.calc_check_digit(body + "0")


def address(rng: random.Random) -> str:
    return f"江门市江海区{rng.choice(STREETS)}{rng.choice(ROADS)}{rng.randint(1, 399)}号"


def shop_name(rng: random.Random) -> str:
    return f"江门市江海区{rng.choice(SHOP_NAMES)}{rng.choice(SHOP_KINDS)}"
