import asyncio

MENU = ['凉菜', '热菜', '甜点']


async def cook(dish):
    print(f'{dish}: 开始做')
    await asyncio.sleep(1)  # 每道菜都要做 1 秒
    # TODO: 必须按菜单顺序上菜：凉菜、热菜、甜点
    print(f'{dish}: 上桌')


async def main():
    await asyncio.gather(*(cook(dish) for dish in MENU))
    print('开饭！')


asyncio.run(main())
