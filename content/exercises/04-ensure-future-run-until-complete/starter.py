import asyncio


async def step(name, seconds):
    print(f'{name}: 开始')
    await asyncio.sleep(seconds)
    print(f'{name}: 完成')
    return name


# TODO: 用 asyncio.ensure_future 为三个步骤各创建一个任务，
#       再用事件循环的 run_until_complete(asyncio.wait(...)) 等它们全部完成，
#       最后按任务列表的顺序打印每个任务的结果。
